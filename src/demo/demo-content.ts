/**
 * The demo brand: the "党建动车组" brand of a railway transport branch. Every sentence here is
 * written for this project; names and facts follow the source article in shared/seeds.
 * Relations and images are referenced by slug / image key and resolved by seed-demo.ts.
 */
import { type Block, bullets, heading, paragraph, quote } from './blocks';

/** The demo's channel choices: the built-in channels, as the `channels` component stores them. */
type ChannelTargets = { website: boolean; wechat: boolean; screen: boolean };

export type DemoImageKey =
  'brandLogo' | 'brandCover' | 'coverRed' | 'coverGold' | 'coverBlue' | 'coverGreen';

export type DemoCategory = { slug: string; name: string; description: string; sortOrder: number };
export type DemoTag = { slug: string; name: string };
export type DemoOrganization = {
  slug: string;
  name: string;
  kind: 'committee' | 'general_branch' | 'branch';
  parent?: string;
};

export type DemoBrandLocale = {
  name: string;
  slogan: string;
  summary: string;
  story: Block[];
  pillars: Array<{ title: string; text: string }>;
  seo: { metaTitle: string; metaDescription: string; keywords: string };
};

export type DemoArticle = {
  slug: string;
  category: string;
  tags: string[];
  title: string;
  subtitle?: string;
  digest: string;
  author: string;
  source: string;
  responsibleEditor: string;
  cover: DemoImageKey;
  channels: ChannelTargets;
  body: Block[];
  /** Left as a draft: shows the editor's view and must never reach a channel. */
  draftOnly?: boolean;
};

export type DemoVideo = {
  slug: string;
  category: string;
  title: string;
  description: string;
  externalUrl: string;
  durationSeconds: number;
  poster: DemoImageKey;
  channels: ChannelTargets;
};

export type DemoAchievement = {
  slug: string;
  title: string;
  summary: string;
  body: Block[];
  achievedOn: string;
  level: 'national' | 'provincial' | 'group' | 'company' | 'unit';
  kind: 'honor' | 'award' | 'innovation' | 'practice' | 'other';
  organization: string;
  metrics: Array<{ label: string; value: number; unit?: string }>;
  gallery: DemoImageKey[];
  channels: ChannelTargets;
};

const everywhere: ChannelTargets = { website: true, wechat: true, screen: true };
const webAndWechat: ChannelTargets = { website: true, wechat: true, screen: false };
const webAndScreen: ChannelTargets = { website: true, wechat: false, screen: true };
const webOnly: ChannelTargets = { website: true, wechat: false, screen: false };
const wechatOnly: ChannelTargets = { website: false, wechat: true, screen: false };

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    slug: 'party-news',
    name: '党建动态',
    description: '各级党组织的工作动态与活动报道',
    sortOrder: 1,
  },
  {
    slug: 'current-affairs',
    name: '时政要闻',
    description: '与企业党建相关的时政信息',
    sortOrder: 2,
  },
  {
    slug: 'pioneer-writing',
    name: '先锋文汇',
    description: '党员先锋人物与身边故事',
    sortOrder: 3,
  },
  { slug: 'party-history', name: '党史文化', description: '党史学习与企业红色文化', sortOrder: 4 },
  { slug: 'party-videos', name: '党建视频', description: '品牌宣传片与微课堂', sortOrder: 5 },
  {
    slug: 'special-topics',
    name: '党建专题',
    description: '围绕重点工作组织的专题报道',
    sortOrder: 6,
  },
  { slug: 'party-research', name: '党建研究', description: '基层党建理论与实践研究', sortOrder: 7 },
  { slug: 'industry-view', name: '行业广角', description: '能源与铁路运输行业观察', sortOrder: 8 },
  {
    slug: 'tech-innovation',
    name: '科技创新',
    description: '一线技术攻关与创新成果',
    sortOrder: 9,
  },
  { slug: 'contributions', name: '投稿创作', description: '职工群众的投稿与创作', sortOrder: 10 },
];

export const DEMO_TAGS: DemoTag[] = [
  { slug: 'brand-building', name: '品牌创建' },
  { slug: 'internet-plus', name: '互联网+' },
  { slug: 'two-enhancements', name: '双提升' },
  { slug: 'three-services', name: '三服务' },
  { slug: 'four-firsts', name: '四争先' },
  { slug: 'safety', name: '安全生产' },
];

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { slug: 'railway-transport-committee', name: '铁路运输分公司党委', kind: 'committee' },
  {
    slug: 'locomotive-branch',
    name: '机务党支部',
    kind: 'branch',
    parent: 'railway-transport-committee',
  },
  {
    slug: 'traffic-branch',
    name: '车务党支部',
    kind: 'branch',
    parent: 'railway-transport-committee',
  },
  {
    slug: 'track-branch',
    name: '工务党支部',
    kind: 'branch',
    parent: 'railway-transport-committee',
  },
  {
    slug: 'signal-branch',
    name: '电务党支部',
    kind: 'branch',
    parent: 'railway-transport-committee',
  },
];

export const DEMO_BRAND = {
  slug: 'party-building-bullet-train',
  organization: 'railway-transport-committee',
  themeColor: '#C8102E',
  logo: 'brandLogo' as DemoImageKey,
  cover: 'brandCover' as DemoImageKey,
  locales: {
    'zh-CN': {
      name: '党建动车组',
      slogan: '支部是车厢，党员是动力，安全正点跑在前',
      summary:
        '铁路运输分公司的党员分散在机务、车务、工务、电务各个站段，点多线长。“党建动车组”把每个党支部看作一节自带动力的车厢，由党委统一牵引，以“双提升、三服务、四争先”为运行图，让党建工作和运输生产同向发力。',
      story: [
        heading('为什么叫“动车组”'),
        paragraph(
          '普通列车靠一台机车拉动，动车组的每节车厢都有动力。分公司党委借用这个形象：不能只靠党委一头使劲，每个党支部、每名党员都要成为动力单元，车厢之间协调一致，整列车才能又快又稳。',
        ),
        heading('品牌怎么运行'),
        paragraph(
          '党委负责“调度”，明确目标和节奏；各党支部结合本专业特点设立党员先锋岗、责任区和攻关小组；机关和干部下沉一线，把服务送到班组。工作进展通过网站、微信公众号和车间大屏实时展示，职工可以随时查看、评议和建言。',
        ),
        quote('每一节车厢都发力，整列车才跑得快。'),
      ],
      pillars: [
        {
          title: '双提升',
          text: '提升党组织的政治引领能力，提升党支部的整体工作水平，打牢品牌的基础。',
        },
        {
          title: '三服务',
          text: '干部为职工服务，机关为基层服务，铁运处为各厂矿服务，把服务送到生产一线。',
        },
        {
          title: '四争先',
          text: '机务、车务、工务、电务四个系统各成体系又相互配合，比学赶超、争先发展、共克难题。',
        },
      ],
      seo: {
        metaTitle: '党建动车组 | 铁路运输分公司党建品牌',
        metaDescription: '铁路运输分公司“党建动车组”品牌：双提升、三服务、四争先。',
        keywords: '党建品牌,党建动车组,双提升,三服务,四争先',
      },
    } satisfies DemoBrandLocale,
    en: {
      name: 'Party-Building Bullet Train',
      slogan: 'Every branch a carriage, every member an engine',
      summary:
        'The railway transport branch has Party members spread along many stations and long lines. Its brand treats each Party branch as a self-powered carriage of a bullet train, coupled and steered by the Party committee, running on a timetable of "Two Enhancements, Three Services, Four Firsts".',
      story: [
        heading('Why a bullet train'),
        paragraph(
          'A conventional train is hauled by one locomotive; in a bullet train every carriage has its own motors. The committee uses the image to say that Party work cannot rest on the committee alone: every branch and every member has to pull, in step with the others.',
        ),
        paragraph(
          'Progress is shown on the website, on the WeChat Official Account and on screens in the depots, where staff can follow it, comment and rate the work of their Party organisation.',
        ),
      ],
      pillars: [
        {
          title: 'Two Enhancements',
          text: 'Stronger political leadership by Party organisations and a higher overall standard of branch work.',
        },
        {
          title: 'Three Services',
          text: 'Cadres serve the workforce, offices serve the front line, and the railway department serves every plant and mine.',
        },
        {
          title: 'Four Firsts',
          text: 'Locomotive, traffic, track and signalling teams each run their own system, work together and compete to lead.',
        },
      ],
      seo: {
        metaTitle: 'Party-Building Bullet Train',
        metaDescription: 'The Party-building brand of a railway transport branch.',
        keywords: 'party building, brand, railway',
      },
    } satisfies DemoBrandLocale,
  },
};

export const DEMO_ARTICLES: DemoArticle[] = [
  {
    slug: 'bullet-train-brand-launched',
    category: 'party-news',
    tags: ['brand-building', 'two-enhancements'],
    title: '铁路运输分公司正式推出“党建动车组”品牌',
    subtitle: '四个党支部组成四节“动力车厢”',
    digest:
      '分公司党委发布“党建动车组”党建品牌，以双提升、三服务、四争先为主线，推动党建与运输生产深度融合。',
    author: '李晓雯',
    source: '铁路运输分公司党委',
    responsibleEditor: '王海峰',
    cover: 'coverRed',
    channels: everywhere,
    body: [
      paragraph(
        '近日，铁路运输分公司党委召开品牌发布会，正式推出“党建动车组”党建品牌。机务、车务、工务、电务四个党支部的书记分别上台，介绍了各自“动力车厢”的年度任务。',
      ),
      paragraph(
        '党委书记在发布会上表示，分公司线路长、站点多，党员分散在各个岗位上，过去党建活动常常“集中难、覆盖难”。动车组的比喻正好说明了新的思路：每个支部都要有自己的动力，同时服从统一调度。',
      ),
      heading('三项近期安排'),
      bullets([
        '各党支部在一个月内完成党员先锋岗和责任区的重新认定；',
        '机关科室与基层班组结成服务对子，每季度至少蹲点一次；',
        '品牌进展在网站、微信公众号和车间大屏同步发布，接受职工评议。',
      ]),
    ],
  },
  {
    slug: 'internet-thinking-for-branch-brands',
    category: 'party-research',
    tags: ['internet-plus', 'brand-building'],
    title: '用互联网思维给基层党建品牌“提速”',
    digest:
      '品牌意识不足、传播渠道单一，是不少企业基层党建品牌的短板。本文结合“党建动车组”的做法谈几点思考。',
    author: '张 璐',
    source: '党建研究',
    responsibleEditor: '王海峰',
    cover: 'coverBlue',
    channels: webAndWechat,
    body: [
      paragraph(
        '不少企业重视党建基础工作，却没有把精力放到品牌建设上：有创建的想法，缺少清晰定位；有成果，却只在论文和内部交流中出现，知道的人很少。',
      ),
      heading('先定目标，再谈传播'),
      paragraph(
        '品牌化的前提是品牌意识。“党建动车组”先把核心目标定为党建工作创新，再把目标分解到每个支部，保证每个基层党务工作者都清楚品牌要解决什么问题。',
      ),
      heading('让网站和新媒体成为主要工具'),
      paragraph(
        '只靠门户网站，受众有限。把微信公众号、车间大屏和网站打通，同一条内容按不同渠道的形式发布，传播面和时效都明显提高。',
      ),
      heading('用信息化改进党务管理'),
      paragraph(
        '在线展示党务信息、让职工参与评议“下考上”，既提高了党务工作的透明度，也让品牌的影响力有了可衡量的依据。',
      ),
    ],
  },
  {
    slug: 'night-shift-pioneer-post',
    category: 'pioneer-writing',
    tags: ['four-firsts', 'safety'],
    title: '夜班调车场上的党员先锋岗',
    digest: '凌晨两点的编组场，车务党支部的党员先锋岗依然灯火通明。',
    author: '陈立',
    source: '车务党支部',
    responsibleEditor: '刘佳',
    cover: 'coverGold',
    channels: webAndScreen,
    body: [
      paragraph(
        '凌晨两点，编组场的灯光把股道照得雪亮。车务党支部党员、调车长赵建国已经在这里连续值守了十一年，他所在的班组是全段第一个挂牌的党员先锋岗。',
      ),
      paragraph(
        '“夜班最容易犯困，也最容易出事。”老赵把安全要点编成顺口溜，贴在每一台对讲机背面。班组里的年轻人说，跟着他干活，心里踏实。',
      ),
      quote('先锋岗不是一块牌子，是一种让人放心的状态。'),
    ],
  },
  {
    slug: 'three-services-at-the-front-line',
    category: 'special-topics',
    tags: ['three-services'],
    title: '“三服务”进工区：机关干部蹲点纪实',
    digest: '机关科室干部分批下沉到一线工区，跟班作业、现场办公，把问题解决在班组。',
    author: '周敏',
    source: '分公司党委办公室',
    responsibleEditor: '刘佳',
    cover: 'coverGreen',
    channels: everywhere,
    body: [
      paragraph(
        '今年以来，分公司机关各科室按照“三服务”要求，安排干部轮流到一线工区蹲点。蹲点干部不坐办公室，跟着班组上线路、进机房，现场收集职工的急难愁盼。',
      ),
      paragraph(
        '截至目前，蹲点干部共收集意见建议六十余条，其中宿舍热水、夜班就餐等二十多个问题已经当场解决，其余事项列入台账逐项销号。',
      ),
    ],
  },
  {
    slug: 'smart-signal-inspection',
    category: 'tech-innovation',
    tags: ['four-firsts', 'safety'],
    title: '电务党支部攻关信号设备智能巡检',
    digest: '电务党支部党员攻关小组研发信号设备智能巡检方案，巡检效率明显提升。',
    author: '孙浩',
    source: '电务党支部',
    responsibleEditor: '王海峰',
    cover: 'coverBlue',
    channels: webAndScreen,
    body: [
      paragraph(
        '信号设备分布在几十公里的线路上，过去靠人工逐点巡检，耗时长、夜间风险高。电务党支部组建党员攻关小组，把在线监测数据和巡检计划结合起来，优先检查异常设备。',
      ),
      paragraph('方案试运行三个月，巡检人员夜间上道次数明显减少，故障发现时间平均提前了一天以上。'),
    ],
  },
  {
    slug: 'red-memory-of-mine-railway',
    category: 'party-history',
    tags: ['brand-building'],
    title: '从蒸汽机车到电力机车：矿区铁路的红色记忆',
    digest: '一条矿区铁路，见证了几代铁路人的奋斗，也留下了许多党员的故事。',
    author: '吴文清',
    source: '分公司工会',
    responsibleEditor: '刘佳',
    cover: 'coverGold',
    channels: webOnly,
    body: [
      paragraph(
        '矿区铁路建成初期，线路上跑的是蒸汽机车。老职工回忆，那时候的司炉一个班要添几吨煤，党员总是抢着干最累的活。',
      ),
      paragraph(
        '后来，内燃机车、电力机车陆续上线，设备换了几代，党员带头学技术、带头攻难关的传统一直没有变。分公司正在整理这些故事，准备编成职工读本。',
      ),
    ],
  },
  {
    slug: 'my-view-of-four-firsts',
    category: 'contributions',
    tags: ['four-firsts'],
    title: '职工来稿：我眼中的“四争先”',
    digest: '一名工务职工写下了他对“四争先”的理解：争先不是抢功，而是补位。',
    author: '马骏',
    source: '职工投稿',
    responsibleEditor: '刘佳',
    cover: 'coverRed',
    channels: wechatOnly,
    body: [
      paragraph(
        '刚听到“四争先”时，我以为是四个系统比谁的成绩好。干了一年才明白，线路、机车、行车组织和信号是一个整体，哪一环掉链子，整条线都要停。',
      ),
      paragraph('所以在我看来，争先首先是补位：别人忙不过来的时候，你能顶上去。'),
    ],
  },
  {
    slug: 'bottom-up-evaluation-plan-draft',
    category: 'party-news',
    tags: ['brand-building'],
    title: '“下考上”评议工作方案（征求意见稿）',
    digest: '职工群众评议党组织工作的方案草稿，尚在征求意见，未经审核。',
    author: '李晓雯',
    source: '分公司党委组织部',
    responsibleEditor: '王海峰',
    cover: 'coverGreen',
    channels: everywhere,
    draftOnly: true,
    body: [
      paragraph(
        '本方案拟由职工群众通过线上平台，对所在党组织的工作作风、服务质量和品牌建设成效进行评议。',
      ),
      paragraph('评议结果将作为党支部年度考核的参考依据。具体指标仍在讨论中。'),
    ],
  },
];

export const DEMO_VIDEOS: DemoVideo[] = [
  {
    slug: 'bullet-train-brand-film',
    category: 'party-videos',
    title: '“党建动车组”品牌宣传片',
    description: '三分钟了解“党建动车组”：四节动力车厢如何在党委统一调度下协同运行。',
    externalUrl: 'https://video.example.com/brand/bullet-train-brand-film.mp4',
    durationSeconds: 186,
    poster: 'brandCover',
    channels: everywhere,
  },
  {
    slug: 'four-firsts-safety-class',
    category: 'party-videos',
    title: '“四争先”安全微课堂：雨季线路巡检',
    description: '工务党支部党员技术骨干讲解雨季线路巡检的要点和常见隐患。',
    externalUrl: 'https://video.example.com/brand/four-firsts-safety-class.mp4',
    durationSeconds: 421,
    poster: 'coverGreen',
    channels: webAndScreen,
  },
];

export const DEMO_ACHIEVEMENTS: DemoAchievement[] = [
  {
    slug: 'locomotive-branch-advanced-organization',
    title: '机务党支部获评集团“先进基层党组织”',
    summary: '机务党支部连续多年保持安全生产无事故，被集团公司党组授予“先进基层党组织”称号。',
    body: [
      paragraph(
        '机务党支部围绕“安全正点”设立党员先锋岗，推行党员带班、师带徒和隐患随手拍等做法，安全生产周期持续刷新纪录。',
      ),
    ],
    achievedOn: '2024-06-28',
    level: 'group',
    kind: 'honor',
    organization: 'locomotive-branch',
    metrics: [
      { label: '连续安全生产', value: 1260, unit: '天' },
      { label: '党员先锋岗', value: 12, unit: '个' },
    ],
    gallery: ['coverRed'],
    channels: everywhere,
  },
  {
    slug: 'track-defect-rapid-response',
    title: '工务“线路病害快速处置法”获创新成果一等奖',
    summary: '工务党支部党员攻关小组总结的线路病害快速处置方法，获公司职工创新成果一等奖。',
    body: [
      paragraph(
        '攻关小组梳理了近五年的线路病害记录，按类型编制处置卡片，现场人员按卡作业，处置时间大幅缩短。',
      ),
    ],
    achievedOn: '2024-11-15',
    level: 'company',
    kind: 'innovation',
    organization: 'track-branch',
    metrics: [
      { label: '平均处置时间缩短', value: 35, unit: '%' },
      { label: '年节约维修成本', value: 86, unit: '万元' },
    ],
    gallery: ['coverGreen'],
    channels: webAndScreen,
  },
  {
    slug: 'brand-provincial-showcase',
    title: '“党建动车组”入选省级党建品牌示范案例',
    summary: '分公司“党建动车组”品牌经评审入选省级国有企业党建品牌示范案例。',
    body: [
      paragraph(
        '评审专家认为，该品牌定位清晰、载体实在，把党建工作和铁路运输生产的特点结合得比较紧密，具有推广价值。',
      ),
    ],
    achievedOn: '2025-03-20',
    level: 'provincial',
    kind: 'award',
    organization: 'railway-transport-committee',
    metrics: [
      { label: '覆盖党支部', value: 4, unit: '个' },
      { label: '参与党员', value: 236, unit: '人' },
      { label: '职工满意度', value: 96.5, unit: '%' },
    ],
    gallery: ['brandCover', 'coverGold'],
    channels: everywhere,
  },
];
