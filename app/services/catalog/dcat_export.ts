import Dataset from '#models/dataset'
import type { UpdateFrequency } from '#services/catalog/dataset_definition'

/*
 * The open catalog as DCAT-AP 2 JSON-LD, for national portals and CKAN's DCAT harvester
 * (ckanext-dcat reads dcat:Dataset / dcat:Distribution with these dct:* properties).
 * Only published, open datasets: exactly what an anonymous caller may see in the catalog.
 */
const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  adms: 'http://www.w3.org/ns/adms#',
}

// EU Publications Office frequency vocabulary, as DCAT-AP requires for dct:accrualPeriodicity.
const FREQUENCY: Record<UpdateFrequency, string> = {
  realtime: 'CONT',
  hourly: 'HOURLY',
  daily: 'DAILY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  yearly: 'ANNUAL',
  irregular: 'IRREG',
}
const FREQ_BASE = 'http://publications.europa.eu/resource/authority/frequency/'

const text = (zh: string, en: string | null) => [
  { '@value': zh, '@language': 'zh' },
  ...(en ? [{ '@value': en, '@language': 'en' }] : []),
]

export async function dcatCatalog(baseUrl: string) {
  const datasets = await Dataset.query()
    .where('isOpen', true)
    .where('status', 'published')
    .preload('provider')
    .preload('category')
    .preload('subcategory')
    .preload('tags')
    .orderBy('code')

  return {
    '@context': CONTEXT,
    '@id': `${baseUrl}/api/v1/public/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': text('江城市生态环境数据开放目录', 'Jiangcheng open environmental data catalogue'),
    'dct:description': text(
      '江城市生态环境局开放的生态环境数据产品目录',
      'Open environmental data products of the Jiangcheng Ecology and Environment Bureau'
    ),
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': '江城市生态环境局' },
    'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/ZHO' },
    'foaf:homepage': { '@id': `${baseUrl}/` },
    'dcat:dataset': datasets.map((dataset) => datasetNode(dataset, baseUrl)),
  }
}

function datasetNode(dataset: Dataset, baseUrl: string) {
  const landing = `${baseUrl}/api/v1/catalog/datasets/${dataset.id}`
  const node: Record<string, unknown> = {
    '@id': `${baseUrl}/datasets/${dataset.code}`,
    '@type': 'dcat:Dataset',
    'dct:identifier': dataset.code,
    'dct:title': text(dataset.nameZh, dataset.nameEn),
    'dct:description': text(dataset.description, null),
    'dcat:keyword': dataset.tags.map((tag) => tag.tag),
    'dcat:theme': [
      {
        '@id': `${baseUrl}/taxonomy/${dataset.category.code}`,
        'dct:title': dataset.category.nameZh,
      },
    ],
    'dct:subject': {
      '@id': `${baseUrl}/taxonomy/${dataset.subcategory.code}`,
      'dct:title': dataset.subcategory.nameZh,
    },
    'dct:publisher': { '@type': 'foaf:Agent', 'foaf:name': dataset.provider.name },
    'dct:accrualPeriodicity': { '@id': FREQ_BASE + FREQUENCY[dataset.updateFrequency] },
    'dct:accessRights': {
      '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC',
    },
    'dct:modified': { '@value': dataset.updatedAt.toISO(), '@type': 'xsd:dateTime' },
    'dct:issued': { '@value': dataset.createdAt.toISO(), '@type': 'xsd:dateTime' },
    'dcat:landingPage': { '@id': landing },
    'dcat:contactPoint': {
      '@type': 'vcard:Kind',
      'vcard:fn': dataset.contactName,
      ...(dataset.contactEmail
        ? { 'vcard:hasEmail': { '@id': `mailto:${dataset.contactEmail}` } }
        : {}),
    },
    'dct:spatial': dataset.spatialCoverage.map((code) => ({
      '@type': 'dct:Location',
      'dct:identifier': code,
    })),
    'dcat:distribution': distributions(dataset, baseUrl, landing),
  }
  if (dataset.timeCoverageStart || dataset.timeCoverageEnd) {
    node['dct:temporal'] = {
      '@type': 'dct:PeriodOfTime',
      ...(dataset.timeCoverageStart
        ? { 'dcat:startDate': { '@value': dataset.timeCoverageStart, '@type': 'xsd:date' } }
        : {}),
      ...(dataset.timeCoverageEnd
        ? { 'dcat:endDate': { '@value': dataset.timeCoverageEnd, '@type': 'xsd:date' } }
        : {}),
    }
  }
  return node
}

function distributions(dataset: Dataset, baseUrl: string, landing: string) {
  if (!dataset.productPreviewKey) {
    return [
      {
        '@type': 'dcat:Distribution',
        'dcat:accessURL': { '@id': landing },
        'dct:format': 'JSON',
        'dcat:mediaType': 'application/json',
      },
    ]
  }
  const records = `${baseUrl}/api/v1/public/products/${dataset.code}/records`
  return [
    {
      '@type': 'dcat:Distribution',
      'dct:title': text('数据记录（分页 API）', 'Records (paged API)'),
      'dcat:accessURL': { '@id': records },
      'dcat:accessService': { '@type': 'dcat:DataService', 'dcat:endpointURL': { '@id': records } },
      'dct:format': 'JSON',
      'dcat:mediaType': 'application/json',
    },
    {
      '@type': 'dcat:Distribution',
      'dct:title': text('数据预览', 'Preview'),
      'dcat:accessURL': { '@id': `${baseUrl}/api/v1/public/products/${dataset.code}/preview` },
      'dct:format': 'JSON',
      'dcat:mediaType': 'application/json',
    },
  ]
}
