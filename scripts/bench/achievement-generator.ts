import { mulberry32 } from '@techbridge/platform';
import type { AchievementImportRecord } from '../../libs/catalog/src/import/achievement-record';

/**
 * Deterministic synthetic achievements (科技成果) for benchmarks and evaluations: schema-valid
 * (shared/contracts/achievement.schema.json), Chinese titles and summaries with quantified indicators and
 * application scenarios, built from per-field term banks of the zone's nine industries, owned by a pool of
 * Beijing, Tianjin and Hebei universities and institutes. Same (n, seed) → same records.
 */

/** The platform's seeded PRNG, under the name the benchmarks use. */
export const prng = mulberry32;

interface FieldBank {
  field: string;
  /** Core technical objects: what the achievement is about. */
  terms: string[];
}
interface IndustryBank {
  industry: string;
  fields: FieldBank[];
  /** Method qualifiers put in front of a term. */
  methods: string[];
  /** What kind of result: 技术, 系统, 装置 ... */
  products: string[];
  /** Indicator templates; {n} is replaced by a number in range. */
  indicators: Array<[string, number, number, number]>;
  scenarios: string[];
}

export const BANKS: IndustryBank[] = [
  {
    industry: 'advanced-equipment',
    fields: [
      { field: 'intelligent-manufacturing', terms: ['数字孪生产线', '柔性装配单元', '智能仓储物流', '在线质量检测', '工业互联网平台', '预测性维护', '激光增材制造', '智能焊接'] },
      { field: 'aero-engine', terms: ['航空发动机叶片', '高温合金涡轮盘', '燃烧室', '航空轴承', '无人机动力系统', '复合材料机匣'] },
      { field: 'robotics', terms: ['协作机器人', '六轴工业机器人', '移动机器人', '机器人减速器', '视觉引导抓取', '外骨骼机器人', '巡检机器人'] },
      { field: 'cnc-machine-tools', terms: ['五轴联动数控机床', '精密主轴', '数控系统', '超精密磨床', '直线电机进给', '刀具磨损监测'] },
      { field: 'rail-transit', terms: ['轨道交通牵引变流器', '轮轨关系', '列车制动系统', '接触网检测', '转向架'] },
      { field: 'petroleum-equipment', terms: ['油气管道内检测', '压力容器', '换热器', '石化阀门', '井下钻具'] },
    ],
    methods: ['基于机器视觉的', '高精度', '模块化', '自适应', '轻量化', '基于数字孪生的', '低成本', '高可靠'],
    products: ['技术', '系统', '装置', '装备', '关键技术', '成套装备'],
    indicators: [['定位精度达到±{n}mm', 0.005, 0.1, 3], ['生产效率提升{n}%', 15, 60, 0], ['故障率降低{n}%', 20, 70, 0], ['连续无故障运行{n}小时', 2000, 20000, 0], ['能耗降低{n}%', 8, 35, 0]],
    scenarios: ['汽车零部件制造', '航空航天装配', '3C电子产线', '重型机械加工', '轨道交通运维', '石化装置检修'],
  },
  {
    industry: 'digital',
    fields: [
      { field: 'big-data', terms: ['数据中台', '数据治理', '时序数据库', '隐私计算', '数据湖', '知识图谱'] },
      { field: 'artificial-intelligence', terms: ['深度学习', '大语言模型', '计算机视觉', '语音识别', '目标检测', '图神经网络', '强化学习', '自然语言处理'] },
      { field: 'mobile-internet', terms: ['移动边缘计算', '5G专网', '小程序生态', '移动支付安全', '低功耗广域网'] },
      { field: 'cloud-computing', terms: ['云原生', '容器编排', '分布式存储', '算力调度', '服务网格'] },
      { field: 'beidou-navigation', terms: ['北斗高精度定位', '北斗短报文', '组合导航', '时空大数据', 'GNSS形变监测'] },
      { field: 'display', terms: ['Micro LED显示', 'OLED驱动', '柔性显示', '激光投影'] },
      { field: 'electronic-information', terms: ['射频前端芯片', 'FPGA加速', '毫米波雷达', '功率半导体', '传感器芯片', '工业控制芯片'] },
    ],
    methods: ['基于深度学习的', '面向工业场景的', '分布式', '高并发', '轻量级', '端边云协同的', '安全可信的', '自主可控的'],
    products: ['平台', '系统', '算法', '技术', '软件', '解决方案'],
    indicators: [['识别准确率达到{n}%', 95, 99.9, 1], ['响应时间小于{n}毫秒', 5, 200, 0], ['并发处理能力达到{n}万次/秒', 1, 50, 0], ['定位精度优于{n}厘米', 1, 10, 0], ['算力利用率提升{n}%', 20, 60, 0]],
    scenarios: ['智慧城市', '工业质检', '智慧交通', '金融风控', '智慧医疗', '政务服务', '智能制造'],
  },
  {
    industry: 'life-health',
    fields: [
      { field: 'biopharma', terms: ['单克隆抗体', 'mRNA疫苗', '小分子靶向药', '细胞治疗', '基因编辑', '多肽药物', '抗体偶联药物'] },
      { field: 'medical-devices', terms: ['医学影像设备', '手术机器人', '可穿戴监护', '体外诊断试剂', '介入导管', '骨科植入物', '超声诊断'] },
      { field: 'tcm', terms: ['中药配方颗粒', '中药指纹图谱', '道地药材种植', '中药提取工艺', '经典名方'] },
      { field: 'health-services', terms: ['远程医疗', '慢病管理', '智慧养老', '康复训练', '健康大数据'] },
    ],
    methods: ['新型', '高灵敏度', '基于人工智能的', '便携式', '高通量', '微创', '精准'],
    products: ['技术', '制备方法', '系统', '试剂盒', '设备', '平台'],
    indicators: [['检测灵敏度达到{n}pg/mL', 0.1, 10, 1], ['检测时间缩短至{n}分钟', 5, 60, 0], ['有效率达到{n}%', 70, 98, 0], ['收率提高{n}%', 10, 45, 0], ['纯度达到{n}%', 98, 99.99, 2]],
    scenarios: ['基层医疗机构', '三甲医院', '居家健康监测', '疫苗生产', '药品质量控制', '养老机构'],
  },
  {
    industry: 'new-energy',
    fields: [
      { field: 'photovoltaics', terms: ['钙钛矿电池', '异质结电池', 'TOPCon电池', '光伏组件', '光伏逆变器', '双面光伏', '光伏清洗机器人'] },
      { field: 'wind-power', terms: ['风电叶片', '风机变桨系统', '海上风电基础', '风功率预测', '风机状态监测'] },
      { field: 'hydrogen', terms: ['碱性电解水制氢', 'PEM电解槽', '储氢合金', '高压储氢瓶', '加氢站', '氢燃料电池电堆'] },
      { field: 'energy-storage', terms: ['液流电池', '钠离子电池', '压缩空气储能', '储能变流器', '电池管理系统', '飞轮储能'] },
      { field: 'smart-grid', terms: ['虚拟电厂', '配电网自愈', '微电网', '需求侧响应', '电力物联网'] },
    ],
    methods: ['高效', '低成本', '长寿命', '大功率', '高安全', '智能化', '模块化'],
    products: ['技术', '系统', '关键材料', '制备工艺', '装置', '成套技术'],
    indicators: [['光电转换效率达到{n}%', 22, 31, 1], ['循环寿命超过{n}次', 3000, 15000, 0], ['系统效率达到{n}%', 75, 96, 1], ['制氢能耗低于{n}kWh/Nm³', 3.8, 4.6, 2], ['度电成本降低{n}%', 10, 40, 0]],
    scenarios: ['分布式光伏电站', '工业园区微电网', '海上风电场', '化工园区绿氢', '电网调峰调频', '数据中心备用电源'],
  },
  {
    industry: 'new-materials',
    fields: [
      { field: 'advanced-metals', terms: ['高强钢', '铝锂合金', '钛合金', '高熵合金', '非晶合金', '粉末冶金'] },
      { field: 'polymers', terms: ['可降解塑料', '特种工程塑料', '高性能纤维', '聚酰亚胺薄膜', '改性橡胶'] },
      { field: 'display-materials', terms: ['液晶材料', 'OLED发光材料', '量子点材料', '光学膜'] },
      { field: 'carbon-materials', terms: ['石墨烯', '碳纤维复合材料', '碳纳米管', '多孔碳', '碳化硅纤维'] },
      { field: 'electronic-materials', terms: ['电子级多晶硅', '光刻胶', '高纯靶材', '陶瓷基板', '导热界面材料'] },
      { field: 'building-materials', terms: ['低碳水泥', '气凝胶保温材料', '装配式建筑构件', '固废基建材', '超高性能混凝土'] },
    ],
    methods: ['高性能', '绿色', '低成本', '规模化', '纳米', '连续化', '环境友好'],
    products: ['制备技术', '材料', '生产工艺', '复合材料', '产业化技术'],
    indicators: [['抗拉强度达到{n}MPa', 600, 2200, 0], ['导热系数达到{n}W/(m·K)', 5, 1500, 0], ['成本降低{n}%', 15, 50, 0], ['使用寿命延长{n}倍', 1.5, 5, 1], ['产品良率达到{n}%', 90, 99.5, 1]],
    scenarios: ['汽车轻量化', '航空航天结构件', '电子封装', '新能源电池', '绿色建筑', '柔性显示面板'],
  },
  {
    industry: 'energy-saving-environmental',
    fields: [
      { field: 'air-pollution', terms: ['VOCs治理', '低温SCR脱硝', '除尘', '烟气脱硫', '工业废气'] },
      { field: 'water-treatment', terms: ['膜生物反应器', '高盐废水零排放', '污水厌氧氨氧化', '海水淡化', '黑臭水体治理'] },
      { field: 'solid-waste', terms: ['建筑垃圾再生', '餐厨垃圾处理', '危废焚烧', '尾矿综合利用', '废旧电池回收'] },
      { field: 'environmental-monitoring', terms: ['大气网格化监测', '水质在线监测', '土壤重金属检测', '碳排放监测'] },
      { field: 'energy-efficiency', terms: ['余热回收', '高效电机', '工业节能诊断', '热泵', '能源管理系统'] },
    ],
    methods: ['高效', '低能耗', '资源化', '智能', '一体化', '模块化'],
    products: ['技术', '工艺', '装备', '系统', '成套技术'],
    indicators: [['去除率达到{n}%', 90, 99.8, 1], ['运行成本降低{n}%', 15, 50, 0], ['节能率达到{n}%', 10, 40, 0], ['处理能力达到{n}吨/天', 50, 5000, 0], ['回收率超过{n}%', 85, 99, 0]],
    scenarios: ['钢铁行业', '化工园区', '市政污水处理厂', '燃煤电厂', '城市生活垃圾处理', '工业园区'],
  },
  {
    industry: 'new-energy-vehicles',
    fields: [
      { field: 'power-batteries', terms: ['磷酸铁锂电池', '固态电池', '高镍三元正极', '硅碳负极', '电池热管理', '快充技术'] },
      { field: 'electric-drive', terms: ['永磁同步电机', '电驱动总成', '碳化硅电控', '轮毂电机', '减速器'] },
      { field: 'connected-vehicles', terms: ['自动驾驶', '车路协同', '激光雷达', '车载操作系统', '高精地图', 'V2X通信'] },
      { field: 'fuel-cell-vehicles', terms: ['燃料电池发动机', '车载储氢系统', '膜电极', '空压机'] },
      { field: 'auto-parts', terms: ['线控底盘', '一体化压铸', '汽车轻量化部件', '热泵空调'] },
    ],
    methods: ['高能量密度', '高安全', '长续航', '低成本', '智能', '集成化'],
    products: ['技术', '系统', '总成', '关键技术', '平台'],
    indicators: [['能量密度达到{n}Wh/kg', 180, 400, 0], ['充电时间缩短至{n}分钟', 10, 45, 0], ['续航里程提升{n}%', 10, 40, 0], ['电机效率达到{n}%', 94, 98.5, 1], ['感知距离达到{n}米', 150, 300, 0]],
    scenarios: ['乘用车', '城市公交', '重型卡车', '物流配送车', '矿区无人运输', '智慧港口'],
  },
  {
    industry: 'tech-services',
    fields: [
      { field: 'testing-certification', terms: ['检验检测', '计量校准', '可靠性试验', '电磁兼容测试'] },
      { field: 'ip-services', terms: ['专利导航', '知识产权评估', '专利运营', '技术价值评估'] },
      { field: 'tech-consulting', terms: ['技术成熟度评价', '产业链图谱', '科技咨询', '技术经纪'] },
      { field: 'industrial-design', terms: ['工业设计', '人机交互设计', '产品造型', '仿真设计'] },
      { field: 'tech-finance', terms: ['科技金融', '知识产权质押', '科技保险', '风险投资评估'] },
    ],
    methods: ['数字化', '一站式', '智能化', '标准化', '全链条'],
    products: ['服务平台', '方法', '系统', '服务模式'],
    indicators: [['服务周期缩短{n}%', 20, 60, 0], ['评估准确率达到{n}%', 85, 97, 0], ['服务企业超过{n}家', 100, 3000, 0], ['检测项目覆盖{n}项', 50, 800, 0]],
    scenarios: ['中小企业', '高校院所', '科技园区', '产业集群', '技术交易市场'],
  },
  {
    industry: 'modern-agriculture',
    fields: [
      { field: 'seed-industry', terms: ['小麦新品种', '玉米杂交种', '分子育种', '蔬菜种苗', '节水抗旱品种', '种子包衣'] },
      { field: 'smart-agriculture', terms: ['智慧灌溉', '农业物联网', '植保无人机', '温室环境控制', '病虫害智能识别'] },
      { field: 'food-processing', terms: ['果蔬保鲜', '冷链物流', '功能性食品', '粮食干燥', '发酵工艺'] },
      { field: 'animal-husbandry', terms: ['奶牛精准饲喂', '生猪疫病防控', '饲料添加剂', '畜禽粪污资源化'] },
      { field: 'agricultural-machinery', terms: ['智能农机', '精量播种机', '联合收获机', '农机自动导航'] },
    ],
    methods: ['高产', '优质', '节水', '绿色', '智能', '抗逆'],
    products: ['技术', '品种', '装备', '系统', '栽培技术'],
    indicators: [['亩产提高{n}%', 8, 30, 0], ['节水{n}%', 20, 50, 0], ['农药使用量减少{n}%', 20, 60, 0], ['保鲜期延长{n}天', 5, 40, 0], ['作业效率提升{n}倍', 1.5, 6, 1]],
    scenarios: ['华北平原粮食主产区', '设施农业园区', '规模化养殖场', '农产品加工企业', '家庭农场'],
  },
];

export interface OwnerSeed {
  name: string;
  type: 'university' | 'institute' | 'enterprise';
  region: 'BJ' | 'TJ' | 'HE';
}

export const OWNERS: OwnerSeed[] = [
  ...['清华大学', '北京大学', '北京理工大学', '北京航空航天大学', '北京科技大学', '北京化工大学', '北京工业大学', '中国农业大学', '北京交通大学', '北京邮电大学', '华北电力大学', '中国石油大学（北京）'].map((name) => ({ name, type: 'university' as const, region: 'BJ' as const })),
  ...['中国科学院自动化研究所', '中国科学院化学研究所', '中国科学院电工研究所', '北京市农林科学院', '中国农业科学院作物科学研究所', '钢铁研究总院'].map((name) => ({ name, type: 'institute' as const, region: 'BJ' as const })),
  ...['天津大学', '南开大学', '河北工业大学', '天津工业大学', '天津科技大学', '天津理工大学', '天津医科大学'].map((name) => ({ name, type: 'university' as const, region: 'TJ' as const })),
  ...['中国民航大学', '天津市农业科学院', '中国科学院天津工业生物技术研究所'].map((name) => ({ name, type: 'institute' as const, region: 'TJ' as const })),
  ...['河北大学', '燕山大学', '河北农业大学', '河北科技大学', '石家庄铁道大学', '河北医科大学', '华北理工大学', '河北师范大学'].map((name) => ({ name, type: 'university' as const, region: 'HE' as const })),
  ...['河北省农林科学院', '中国电子科技集团公司第五十四研究所', '河北省科学院'].map((name) => ({ name, type: 'institute' as const, region: 'HE' as const })),
  ...['保定新能源科技有限公司', '石家庄智能装备股份有限公司', '廊坊新材料科技有限公司'].map((name) => ({ name, type: 'enterprise' as const, region: 'HE' as const })),
];

const SOURCES = ['national-library', 'bj-tto-registry', 'tj-tech-market', 'he-achievement-db'];
const FUNDING: AchievementImportRecord['fundingSource'][] = ['national-program', 'provincial-program', 'municipal-program', 'enterprise', 'other', 'none'];
const MODES = ['transfer', 'license', 'joint-implementation', 'equity', 'self-implementation'];
const AWARDS = ['国家技术发明奖二等奖', '国家科学技术进步奖二等奖', '河北省科学技术进步奖一等奖', '北京市科学技术奖一等奖', '天津市技术发明奖二等奖'];

/** Every distinct technical term of the banks (for evaluation scripts and sanity checks). */
export function allTerms(): string[] {
  return [...new Set(BANKS.flatMap((b) => b.fields.flatMap((f) => f.terms)))];
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function fmt(r: () => number, min: number, max: number, decimals: number): string {
  const v = min + r() * (max - min);
  return decimals ? v.toFixed(decimals) : String(Math.round(v));
}

/** Record i of the stream for `seed`: independent of the others, so a slice can be regenerated. */
export function generateAchievement(i: number, seed = 42): AchievementImportRecord {
  const r = prng((seed * 1_000_003 + i * 7919) >>> 0);
  const bank = BANKS[Math.floor(r() * BANKS.length)];
  const fieldBank = pick(r, bank.fields);
  const term = pick(r, fieldBank.terms);
  const second = pick(r, fieldBank.terms.filter((t) => t !== term));
  const method = pick(r, bank.methods);
  const product = pick(r, bank.products);
  const trl = 1 + Math.floor(r() * 9);
  const owner = pick(r, OWNERS);
  const indicators = [...bank.indicators].sort(() => r() - 0.5).slice(0, 2 + Math.floor(r() * 2));
  const scenario1 = pick(r, bank.scenarios);
  const scenario2 = pick(r, bank.scenarios.filter((s) => s !== scenario1));
  const hasPatent = r() < 0.7;
  const patents = hasPatent
    ? Array.from({ length: 1 + Math.floor(r() * 3) }, () => `CN${2015 + Math.floor(r() * 10)}${String(10000000 + Math.floor(r() * 89999999))}.${Math.floor(r() * 10)}`)
    : [];
  const indicatorText = indicators.map(([tpl, min, max, dec]) => tpl.replace('{n}', fmt(r, min, max, dec))).join('，');
  const title = `${method}${term}${product}`;
  const summary =
    `本成果针对${scenario1}中${term}存在的效率低、成本高等问题，研发了${method}${term}${product}，并集成${second}相关技术。` +
    `主要技术指标：${indicatorText}。` +
    `${trl >= 7 ? '已在多家企业完成应用验证，' : trl >= 4 ? '已完成中试验证，' : '已完成实验室原理验证，'}` +
    `可应用于${scenario1}、${scenario2}等场景。` +
    (hasPatent ? `已申请发明专利${patents.length}项。` : '');
  const keywords = [term, second, ...(r() < 0.5 ? [scenario1] : [])];
  const negotiable = r() < 0.35;
  const rec: AchievementImportRecord = {
    externalId: `gen-${seed}-${i}`,
    source: SOURCES[i % SOURCES.length],
    title: title.length > 200 ? title.slice(0, 200) : title,
    summary,
    keywords,
    industry: bank.industry,
    field: fieldBank.field,
    trl,
    transferModes: [...new Set([pick(r, MODES), pick(r, MODES)])],
    askingPrice: negotiable ? null : Math.round((5 + r() * 995) * 10) * 1000,
    patents,
    fundingSource: pick(r, FUNDING),
    owner: { name: owner.name, type: owner.type, region: owner.region },
  };
  if (r() < 0.08) rec.award = pick(r, AWARDS);
  if (r() < 0.6) rec.contact = { name: `${pick(r, ['王', '李', '张', '刘', '陈', '杨', '赵'])}老师`, phone: `0${pick(r, ['10', '22', '311', '312'])}-${String(60000000 + Math.floor(r() * 9999999))}`, email: `tto${i % 997}@example.edu.cn` };
  return rec;
}

/** n records, deterministic for a seed. Lazy: a 100,000-record stream is never held in memory. */
export function* generateAchievements(n: number, seed = 42): Iterable<AchievementImportRecord> {
  for (let i = 0; i < n; i++) yield generateAchievement(i, seed);
}
