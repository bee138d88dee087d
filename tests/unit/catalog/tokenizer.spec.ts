import { test } from '@japa/runner'
import { indexTerms, queryTokens } from '#services/catalog/tokenizer'

test.group('Catalog tokenizer', () => {
  test('Han runs index single characters and overlapping pairs', ({ assert }) => {
    assert.deepEqual(indexTerms('地表水质'), ['地', '地表', '表', '表水', '水', '水质', '质'])
  })

  test('Latin words are lower-cased, split on punctuation, stop words dropped', ({ assert }) => {
    assert.deepEqual(indexTerms('Quality of the Surface-Water, PM2.5'), [
      'quality',
      'surface',
      'water',
      'pm2',
      '5',
    ])
  })

  test('mixed text splits at script boundaries; full-width forms are folded', ({ assert }) => {
    assert.deepEqual(indexTerms('ＰＭ２.５浓度'), ['pm2', '5', '浓', '浓度', '度'])
    assert.deepEqual(indexTerms('HJ212协议'), ['hj212', '协', '协议', '议'])
  })

  test('a Chinese query needs all its pairs; a single character stands alone', ({ assert }) => {
    assert.deepEqual(queryTokens('地表水质'), [
      { term: '地表', prefix: false },
      { term: '表水', prefix: false },
      { term: '水质', prefix: false },
    ])
    assert.deepEqual(queryTokens('水'), [{ term: '水', prefix: false }])
  })

  test('Latin query words are prefixes, numbers and single letters are exact', ({ assert }) => {
    assert.deepEqual(queryTokens('Water 2024 a x'), [
      { term: 'water', prefix: true },
      { term: '2024', prefix: false },
      { term: 'x', prefix: false },
    ])
  })

  test('repeated tokens collapse; punctuation-only queries have none', ({ assert }) => {
    assert.lengthOf(queryTokens('水质 水质'), 1)
    assert.deepEqual(queryTokens(' ,.;!?'), [])
  })
})
