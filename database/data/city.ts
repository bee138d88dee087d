/*
 * A plausible (fictional) city, 江城市, for demos and tests: the city bureau with its
 * divisions, 12 district bureaus, 20 city departments, sample enterprises and social
 * organisations, and the public pseudo-organisation.
 */
export const CITY_BUREAU = {
  code: 'JC-EEB',
  name: '江城市生态环境局',
  nameEn: 'Jiangcheng Ecology and Environment Bureau',
  districtCode: '420100',
}

export const DIVISIONS: [code: string, name: string, nameEn: string][] = [
  ['JC-EEB-OFFICE', '办公室', 'General Office'],
  ['JC-EEB-LAW', '法规与标准处', 'Regulations and Standards Division'],
  ['JC-EEB-AIR', '大气环境处', 'Atmospheric Environment Division'],
  ['JC-EEB-WATER', '水生态环境处', 'Water Ecology and Environment Division'],
  ['JC-EEB-SOIL', '土壤生态环境处', 'Soil Ecology and Environment Division'],
  ['JC-EEB-WASTE', '固体废物与化学品处', 'Solid Waste and Chemicals Division'],
  ['JC-EEB-ECO', '自然生态保护处', 'Nature and Ecology Conservation Division'],
  ['JC-EEB-ENF', '生态环境执法支队', 'Environmental Law Enforcement Detachment'],
  ['JC-EEB-EMER', '应急与信访处', 'Emergency and Complaints Division'],
  ['JC-EEB-MON', '生态环境监测中心', 'Environmental Monitoring Centre'],
  ['JC-EEB-DATA', '数据管理中心', 'Data Management Centre'],
  ['JC-EEB-IT', '信息中心', 'Information Centre'],
  ['JC-EEB-SEC', '网络与数据安全办公室', 'Network and Data Security Office'],
  ['JC-EEB-AUDIT', '审计监督室', 'Audit Supervision Office'],
]

export const DISTRICTS: [code: string, name: string, districtCode: string][] = [
  ['JC-D01', '江岸区', '420102'],
  ['JC-D02', '江汉区', '420103'],
  ['JC-D03', '硚口区', '420104'],
  ['JC-D04', '汉阳区', '420105'],
  ['JC-D05', '武昌区', '420106'],
  ['JC-D06', '青山区', '420107'],
  ['JC-D07', '洪山区', '420111'],
  ['JC-D08', '东西湖区', '420112'],
  ['JC-D09', '蔡甸区', '420114'],
  ['JC-D10', '江夏区', '420115'],
  ['JC-D11', '黄陂区', '420116'],
  ['JC-D12', '新洲区', '420117'],
]

export const CITY_DEPARTMENTS: [code: string, name: string, nameEn: string][] = [
  ['JC-MET', '江城市气象局', 'Meteorological Bureau'],
  ['JC-WR', '江城市水利和湖泊局', 'Water Resources and Lakes Bureau'],
  ['JC-NR', '江城市自然资源和规划局', 'Natural Resources and Planning Bureau'],
  ['JC-HC', '江城市住房和城乡建设局', 'Housing and Urban-Rural Development Bureau'],
  ['JC-TR', '江城市交通运输局', 'Transport Bureau'],
  ['JC-AG', '江城市农业农村局', 'Agriculture and Rural Affairs Bureau'],
  ['JC-IIT', '江城市经济和信息化局', 'Economy and Information Technology Bureau'],
  ['JC-HEALTH', '江城市卫生健康委员会', 'Health Commission'],
  ['JC-DRC', '江城市发展和改革委员会', 'Development and Reform Commission'],
  ['JC-PSB', '江城市公安局', 'Public Security Bureau'],
  ['JC-EM', '江城市应急管理局', 'Emergency Management Bureau'],
  ['JC-UM', '江城市城市管理执法委员会', 'Urban Management Commission'],
  ['JC-SAMR', '江城市市场监督管理局', 'Market Regulation Administration'],
  ['JC-STATS', '江城市统计局', 'Statistics Bureau'],
  ['JC-FOREST', '江城市园林和林业局', 'Landscape and Forestry Bureau'],
  ['JC-FIN', '江城市财政局', 'Finance Bureau'],
  ['JC-EDU', '江城市教育局', 'Education Bureau'],
  ['JC-CT', '江城市文化和旅游局', 'Culture and Tourism Bureau'],
  ['JC-COM', '江城市商务局', 'Commerce Bureau'],
  ['JC-BIGDATA', '江城市政务服务和大数据管理局', 'Government Services and Big Data Administration'],
]

/** [code, name, district index, registration-authority prefix] — credit codes are computed. */
export const ENTERPRISES: [code: string, name: string, district: number][] = [
  ['ENT-0001', '江城钢铁集团有限公司', 5],
  ['ENT-0002', '江城石化有限责任公司', 5],
  ['ENT-0003', '江城热电有限公司', 6],
  ['ENT-0004', '长江水务集团江城污水处理有限公司', 3],
  ['ENT-0005', '江城汽车制造有限公司', 8],
  ['ENT-0006', '江城医药化工股份有限公司', 9],
  ['ENT-0007', '江城市固废综合处置有限公司', 10],
  ['ENT-0008', '江城造纸有限公司', 11],
]

export const SOCIAL_ORGS: [code: string, name: string][] = [
  ['SO-0001', '江城市环境保护志愿者协会'],
  ['SO-0002', '江城大学环境科学研究院'],
]

export const PUBLIC_ORG = { code: 'PUBLIC', name: '社会公众', nameEn: 'General public' }

/*
 * One demo user per role (README lists them). All share one password that meets the policy;
 * the seeder refuses to run in production.
 */
export const DEMO_PASSWORD = 'EcoShare@2026'

export const DEMO_USERS: {
  username: string
  displayName: string
  org: string
  roles: string[]
  head?: boolean
  phone?: string
}[] = [
  {
    username: 'applicant',
    displayName: '李申请',
    org: 'JC-WR',
    roles: ['applicant'],
    phone: '13871230001',
  },
  {
    username: 'deptreviewer',
    displayName: '王处长',
    org: 'JC-WR',
    roles: ['dept_reviewer', 'applicant'],
    head: true,
    phone: '13871230002',
  },
  {
    username: 'ownerreviewer',
    displayName: '张监测',
    org: 'JC-EEB-MON',
    roles: ['owner_reviewer'],
    head: true,
    phone: '13871230003',
  },
  {
    username: 'secofficer',
    displayName: '赵安全',
    org: 'JC-EEB-SEC',
    roles: ['security_officer'],
    head: true,
    phone: '13871230004',
  },
  {
    username: 'catalogadmin',
    displayName: '陈目录',
    org: 'JC-EEB-DATA',
    roles: ['catalog_admin'],
    head: true,
    phone: '13871230005',
  },
  {
    username: 'processadmin',
    displayName: '刘流程',
    org: 'JC-EEB-IT',
    roles: ['process_admin'],
    phone: '13871230006',
  },
  {
    username: 'sysadmin',
    displayName: '周系统',
    org: 'JC-EEB-IT',
    roles: ['system_admin'],
    head: true,
    phone: '13871230007',
  },
  {
    username: 'secadmin',
    displayName: '吴安管',
    org: 'JC-EEB-SEC',
    roles: ['security_admin'],
    phone: '13871230008',
  },
  {
    username: 'auditadmin',
    displayName: '郑审计',
    org: 'JC-EEB-AUDIT',
    roles: ['audit_admin'],
    head: true,
    phone: '13871230009',
  },
  {
    username: 'enterprise',
    displayName: '孙企业',
    org: 'ENT-0004',
    roles: ['applicant'],
    head: true,
    phone: '13971230010',
  },
  {
    username: 'citizen',
    displayName: '公众用户',
    org: 'PUBLIC',
    roles: ['applicant'],
    phone: '15071230011',
  },
]
