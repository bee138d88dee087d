/*
 * Display names of the catalog's enumerations, in both languages. One table for facets,
 * transformers and exports so a label is never spelled two ways.
 */
export interface Label {
  zh: string
  en: string
}

export const ENUM_LABELS: Record<string, Record<string, Label>> = {
  sharing: {
    unconditional: { zh: '无条件共享', en: 'Unconditional sharing' },
    conditional: { zh: '有条件共享', en: 'Conditional sharing' },
    not_shared: { zh: '不予共享', en: 'Not shared' },
  },
  grade: {
    core: { zh: '核心数据', en: 'Core' },
    important: { zh: '重要数据', en: 'Important' },
    general: { zh: '一般数据', en: 'General' },
  },
  frequency: {
    realtime: { zh: '实时', en: 'Real time' },
    hourly: { zh: '每小时', en: 'Hourly' },
    daily: { zh: '每日', en: 'Daily' },
    monthly: { zh: '每月', en: 'Monthly' },
    quarterly: { zh: '每季度', en: 'Quarterly' },
    yearly: { zh: '每年', en: 'Yearly' },
    irregular: { zh: '不定期', en: 'Irregular' },
  },
  format: {
    table: { zh: '结构化表格', en: 'Table' },
    time_series: { zh: '时间序列', en: 'Time series' },
    geo: { zh: '空间数据', en: 'Geospatial' },
    document: { zh: '文档', en: 'Document' },
  },
  open: {
    true: { zh: '向社会开放', en: 'Open to the public' },
    false: { zh: '不开放', en: 'Not open' },
  },
  status: {
    draft: { zh: '草稿', en: 'Draft' },
    published: { zh: '已发布', en: 'Published' },
    retired: { zh: '已停用', en: 'Retired' },
  },
  delivery: {
    api: { zh: '接口调用', en: 'API call' },
    file: { zh: '文件下载', en: 'File download' },
    visual: { zh: '可视化查询', en: 'Visual query' },
    subscription: { zh: '订阅推送', en: 'Subscription / push' },
    exchange: { zh: '库表交换', en: 'Table exchange' },
  },
  secrecy: {
    internal: { zh: '内部', en: 'Internal' },
    work_secret: { zh: '工作秘密', en: 'Work secret' },
    sensitive: { zh: '敏感', en: 'Sensitive' },
  },
}
