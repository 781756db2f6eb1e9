/** Word lists for telling people from organisations. Data only, so the rules stay readable. */

/**
 * Common single-character surnames. Characters that are far more often part of ordinary words in
 * front of a title (`都`, `和`, `车`, `单`, `管`, `全`, `公`…) are left out on purpose.
 */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农卓古吉缪简项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬仇栾隋刁沙荣巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝封匡鞠惠荆冀郁胥储栗燕楚鄢谌奚皮粟冼蔺闻厉伊仝郜阚权帅屠朴盖廉禹井祖巴丰卿狄宣晋容敬扈晁芮蒯阙浦戈伏鹿薄邸雍辜裘亓修邰赫杭况宿逯隆茹诸慕嵇湛戎勾茅尉斯檀衣展昝智幸奉衡富尧洪赖阎濮宓寿邴'

export const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '令狐',
  '慕容',
  '尉迟',
  '公孙',
  '长孙',
  '宇文',
  '司徒',
]

/** Titles after a surname, longest first. `总` and `工` get lookaheads where they are used. */
export const TITLES = [
  '副总经理',
  '总经理',
  '董事长',
  '副总裁',
  '工程师',
  '副总',
  '总裁',
  '总监',
  '总工',
  '经理',
  '主任',
  '老师',
  '老板',
  '主管',
  '书记',
  '部长',
  '处长',
  '科长',
  '局长',
  '院长',
  '校长',
  '博士',
  '教授',
  '律师',
  '医生',
  '先生',
  '女士',
  '小姐',
  '行长',
  '厂长',
  '所长',
  '秘书',
  '助理',
  '组长',
  '顾问',
  '专员',
  '制片',
  '导演',
  '主编',
  '站长',
  '台长',
  '馆长',
]

/** Common English given names, lower case: a capitalised word in this list is a person. */
export const FIRST_NAMES = new Set(
  `james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian
keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe
logan alan juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty sandra margaret ashley
kimberly emily donna michelle carol amanda melissa deborah stephanie dorothy rebecca sharon laura cynthia amy
kathleen angela shirley brenda emma anna pamela nicole samantha katherine christine helen debra rachel carolyn
janet maria catherine heather diane olivia julie joyce victoria ruth virginia lauren kelly christina joan evelyn
judith andrea hannah megan cheryl jacqueline martha madison teresa gloria sara janice ann kathryn abigail sophia
frances jean alice judy isabella julia grace amber denise danielle marilyn beverly charlotte natalie theresa diana
brittany doris kayla alexis lori marie jane bob tom tim jim mike dave steve chris matt dan ben sam alex nick tony
rob bill will ed ted fred greg jeff josh ken kate katie liz beth jen jenny sue meg molly lucy lily ella mia zoe
chloe amelia ava harper leo max oliver lucas liam ethan aiden jake luke owen caleb ian evan priya raj rahul amit
anil sanjay vijay arjun ravi deepak neha pooja anita sunita kumar wei li ming hui jun lei yan ling mei xin hao
yuki hiroshi kenji akira takeshi sakura carlos luis miguel jorge pedro diego sofia lucia camila valentina mateo
hans klaus stefan tobias lukas felix sven lars erik nils ingrid astrid fatima ahmed omar ali hassan yusuf layla
noor olga ivan dmitri sergei natasha anastasia pierre jacques marc louis claire sophie camille chloe manon leon
paolo marco giulia francesca elena dana erin tara nina maya ryan sean shawn shane derek todd craig brett troy
cody travis chad kurt neil glenn dean doug phil rick nate zack drew jon don ron jay ray lee kim pat sue
kelvin kev marcus ellen eddie terence desmond alvin calvin melvin darren wilson winston jasper irene cindy wendy
tiffany vivian sandy joanna fiona jessie peggy queenie rita stella tina vicky yvonne zoey helena simon martin
howard stuart nigel trevor gavin colin graham ross ewan callum harry charlie freddie oscar theo freya imogen
rosie millie ellie arun karthik suresh ramesh vikram anand rohit sunil manish nikhil sachin ajay vivek prakash
ganesh harish meera divya kavya shreya ananya aditi farah aisha zara siti nurul hafiz
priscilla cecilia veronica bernice clarice janice doris agnes vanessa jolene jocelyn serene
hiro taro yuto haruto sota kaito daiki shota takumi yui aoi hana mio yuna saki ayaka haruka naoko keiko yoko tomoko
kenta ryo yusuke daisuke takashi satoshi kazuki koji jiwoo minjun seojun jihoon hyun jae joon
markus matthias jurgen andreas florian sebastian maximilian niklas katrin sabine petra ursula monika claudia rafael
mateus joao ana beatriz fernanda thiago rodrigo khalid faisal youssef mariam hamad saeed rashid nasser
putri dewi ayu sri rina indah budi agus andi dian eko hendra wahyu ahmad muhammad aziz faizal aminah farid rizal
anders henrik magnus johan mikael jonas jens ole bjorn soren rasmus mads niels kristian karl olaf karin birgit sigrid
hank walt earl lloyd floyd clyde vern gus hal mel stan herb norm barry gordon kirk duncan fergus angus
maggie peggy trish tammy tracy stacy becky wanda gina tanya sonia monica carla paula wendy brenda`
    .split(/\s+/)
    .filter(Boolean),
)

/** Words that end an organisation's name (`Stark Industries`, `Soylent Corp`). */
export const COMPANY_SUFFIXES = new Set(
  `inc inc. corp corp. corporation co co. company ltd ltd. llc plc gmbh ag sa industries enterprises group systems
technologies technology tech labs lab partners holdings bank capital solutions software networks motors pharma
pharmaceuticals media foods consulting logistics airlines energy insurance ventures studios games health analytics
robotics dynamics international global electronics semiconductor semiconductors retail brands services financial
trust realty properties hotels airways manufacturing chemicals steel telecom communications interactive digital
works cloud ai engineering construction aviation automotive ent ent. intl mfg`
    .split(/\s+/)
    .filter(Boolean),
)

/** Chinese endings of an organisation's name, longest first (`吉利汽车`, `平安保险`). */
export const ZH_ORG_SUFFIX =
  '股份有限公司|有限公司|集团|公司|汽车|保险|银行|科技|股份|控股|电器|电子|证券|地产|医药|物流|网络|软件|信息|通信|传媒|教育|食品|化工|制药|机械|重工|建设|工业|实业|商贸|贸易|能源|电气|航空|医疗|生物|基金|资本|智能|云|医院|大学|学院|学校|中学|小学|研究院|研究所|中心|委员会|管委会|局|[一二三四五六七八九]院|附院|精密|光学|新材|材料|装备|仪器|器械|纺织|服饰|包装|环保|水务|燃气|电力|矿业|钢铁|化学|药业|制造|光电|半导体|模具|阀门|陶瓷|机电|纺机|电机|五金|塑胶|橡胶|汽配|家具|印染|城投|国投|交投'

/**
 * Characters common in Chinese given names. A surname followed by one or two of these, in a place
 * where a person is named (`拜访了华为的张伟`, `和李娜聊了下`), is read as a full name. Characters
 * that mostly make place or everyday words after a surname (`国` in `韩国`, `东` in `华东`) are left out.
 */
export const GIVEN_NAME_CHARS =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华玉萍红鹏飞玲燕辉斌宇浩凯健俊帆旭龙林欣佳丹晶婷雪琳颖倩慧莉琴云梅兰凤洁蕾璐茜薇瑶怡彤悦妍晨阳鑫宏博文志建峰海波春晓亮成立永振荣昊然梓轩泽睿思雨诗涵琪晴楠毅威豪坤锋鸣晖炜玮蓉捷嘉卓君庆德伦翔松柏栋鹤蓓菲露璇莹珊妮娇婉琦曦琛瑞祥福乐康顺彬彦哲勤琼瑜玥芸芬菁蔚霖沛淼骏驰'

/** Surname-led words that a given-name list lets through: cities and common words, not people. */
export const NOT_FULL_NAMES = new Set(
  `宁波 沈阳 岳阳 衡阳 邵阳 金华 常德 许昌 安庆 龙岩 温岭 武汉 江阴 丽江 丽水 海宁 黄冈 黄山 梅州 石林 柳州 龙华 华阳 高明
秦皇岛 秦岭 白云 钟楼 江海 文明 高峰 高超 平安 安康 康乐 安顺 常熟 余杭 齐鲁 鲁能 马上 马丁 程序 文艺 方便 万达 万科`
    .split(/\s+/)
    .filter(Boolean),
)

/**
 * Cities that name a customer's office rather than the customer (`Nike Shanghai office`,
 * `Indomaret's Jakarta HQ`); lower case.
 */
export const CITIES: ReadonlySet<string> = new Set(
  `shanghai beijing shenzhen guangzhou hangzhou chengdu wuhan nanjing suzhou xiamen tianjin chongqing xian qingdao
dalian ningbo hefei changsha zhengzhou jinan dongguan foshan hong kong hongkong macau taipei singapore jakarta
bangkok manila kuala lumpur hanoi saigon mumbai bangalore bengaluru delhi pune hyderabad chennai tokyo osaka seoul
sydney melbourne auckland dubai riyadh london paris berlin munich frankfurt amsterdam madrid milan zurich dublin
stockholm new york boston chicago seattle austin denver toronto vancouver sf la nyc emea apac amer latam`.split(
    /\s+/,
  ),
)

/** Chinese cities and districts, which come before a company's name or a site (`吴江亨通光电`, `沈阳工厂`). */
export const ZH_CITIES =
  '北京|上海|天津|重庆|广州|深圳|杭州|南京|苏州|成都|武汉|西安|长沙|郑州|济南|青岛|厦门|福州|合肥|宁波|无锡|东莞|佛山|沈阳|大连|哈尔滨|长春|昆明|贵阳|南宁|南昌|石家庄|太原|兰州|海口|珠海|常州|南通|烟台|潍坊|泉州|温州|嘉兴|绍兴|台州|中山|惠州|昆山|江门|吴江|江阴|张家港|常熟|义乌|顺德|萧山|余杭|慈溪|余姚|晋江|虎门|东营|淄博|临沂|徐州|扬州|镇江|泰州|盐城|湖州|金华|芜湖|洛阳|襄阳|宜昌|株洲|湘潭|柳州|桂林|绵阳|德阳'
