import type { ISchema } from '@formily/vue'
import requestFormJson from '@forms/request_form.json'
import { REQUEST_DELIVERY_MODES } from '@/api/requests'

type Translate = (key: string, values?: Record<string, unknown>) => string

const TEXTAREA_ROWS: Record<string, number> = { purpose: 3, scenario: 3, legalBasis: 2 }

/** YYYY-MM-DD of today in the browser's time zone. */
function today(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/**
 * forms/request_form.json as the backend validates it, with titles, options and widget settings
 * in the user's language (the JSON carries "中文 English" titles for the process designer).
 */
export function localizedRequestSchema(t: Translate): ISchema {
  const source = requestFormJson as ISchema
  const properties: Record<string, ISchema> = {}
  for (const [key, property] of Object.entries(source.properties ?? {}) as [string, ISchema][]) {
    const field: ISchema = {
      ...property,
      title: t(`requests.field.${key}`),
      // No ElFormItem prop: Formily validates; a prop would add Element's own checks.
    }
    if (property['x-component'] === 'Input.TextArea') {
      field['x-component-props'] = { rows: TEXTAREA_ROWS[key] ?? 2, showWordLimit: true }
    }
    if (key === 'deliveryModes') {
      field.enum = REQUEST_DELIVERY_MODES.map((value) => ({
        value,
        label: t(`deliveryModes.${value}`),
      }))
    }
    if (key === 'validUntil') {
      field['x-component-props'] = {
        type: 'date',
        valueFormat: 'YYYY-MM-DD',
        disabledDate: (date: Date) => date.getTime() < Date.parse(today()),
      }
    }
    properties[key] = field
  }
  return { ...source, title: undefined, properties }
}
