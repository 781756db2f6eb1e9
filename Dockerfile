# syntax=docker/dockerfile:1
# Chat CRM: multi-stage, runs as the unprivileged `node` user, data on the /data volume.
#   docker build -t chat-crm .
#   docker run -p 8787:8787 -e CRM_API_TOKEN=… -v crm-data:/data chat-crm
# The build steps live in scripts/build-image-steps.sh (a test runs the same script).

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json tsconfig.json ./
COPY bin bin
COPY src src
COPY bots bots
COPY migrations migrations
COPY prompts prompts
COPY scripts/build-image-steps.sh scripts/build-image-steps.sh
RUN sh scripts/build-image-steps.sh /src /app

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    DATABASE_URL=file:/data/crm.db
WORKDIR /app
COPY --from=build --chown=node:node /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8787
# Binding 0.0.0.0 needs CRM_API_TOKEN (the server refuses otherwise, unless ALLOW_INSECURE=1).
HEALTHCHECK --interval=30s --timeout=5s CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "bin/crm.mjs", "serve"]
