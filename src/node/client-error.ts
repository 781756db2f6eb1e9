import type { Socket } from 'node:net'

/**
 * Answers a request Node's HTTP parser refused (most often a raw, un-percent-encoded `?q=华为` from curl)
 * with a JSON body saying what to fix, instead of Node's bare `400` with nothing in it.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy()
    return
  }
  const body = JSON.stringify({
    error: 'bad_request',
    message:
      error.code === 'HPE_INVALID_URL' || error.code === 'HPE_INVALID_CHARACTER'
        ? 'the request line has characters that must be percent-encoded (e.g. q=%E5%8D%8E%E4%B8%BA); with curl use -G --data-urlencode "q=华为"'
        : `the HTTP request could not be parsed (${error.code ?? 'unknown'})`,
  })
  socket.end(
    `HTTP/1.1 400 Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  )
}
