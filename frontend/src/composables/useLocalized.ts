import { useI18n } from 'vue-i18n'

/** Picks the Chinese or English name of catalog records (nameZh/nameEn, labelZh/labelEn). */
export function useLocalized() {
  const { locale } = useI18n()
  const isEnglish = () => locale.value === 'en'
  return {
    name: (item: { nameZh: string; nameEn?: string | null }) =>
      isEnglish() && item.nameEn ? item.nameEn : item.nameZh,
    label: (item: { labelZh: string; labelEn?: string | null }) =>
      isEnglish() && item.labelEn ? item.labelEn : item.labelZh,
  }
}
