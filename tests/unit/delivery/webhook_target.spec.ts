import { test } from '@japa/runner'
import { addressRefusal, targetSettings } from '#services/subscriptions/webhook_target'
import { signature } from '#services/subscriptions/webhook_sender'
import { backoffSeconds } from '#services/subscriptions/dispatcher'

test.group('Subscriptions · webhook targets, signatures, back-off', (group) => {
  group.each.teardown(() => {
    targetSettings.allowLoopback = true
    targetSettings.allowedNetworks = []
  })

  test('reserved ranges are refused, public addresses pass', ({ assert }) => {
    const refused = [
      '10.0.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '169.254.169.254',
      '100.100.100.200',
      '0.0.0.0',
      '224.0.0.1',
      '255.255.255.255',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:192.168.0.1',
      '::',
    ]
    for (const address of refused) assert.equal(addressRefusal(address), 'privateAddress', address)
    for (const address of ['93.184.215.14', '172.32.0.1', '8.8.8.8', '2606:4700::1111'])
      assert.isNull(addressRefusal(address), address)
  })

  test('loopback only with the flag; an allow-listed network opens', ({ assert }) => {
    targetSettings.allowLoopback = true
    assert.isNull(addressRefusal('127.0.0.1'))
    assert.isNull(addressRefusal('::1'))
    targetSettings.allowLoopback = false
    assert.equal(addressRefusal('127.0.0.2'), 'privateAddress')
    assert.equal(addressRefusal('::1'), 'privateAddress')
    targetSettings.allowedNetworks = ['10.20.0.0/16', '192.168.5.5']
    assert.isNull(addressRefusal('10.20.3.4'))
    assert.isNull(addressRefusal('192.168.5.5'))
    assert.equal(addressRefusal('10.21.0.1'), 'privateAddress')
  })

  test('the signature is hex HMAC-SHA256 over "<t>.<body>"', ({ assert }) => {
    // printf '%s' '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
    assert.equal(
      signature('whsec_test', 1_700_000_000, '{"a":1}'),
      't=1700000000,v1=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789'
    )
  })

  test('back-off doubles from 30 s and is capped at an hour', ({ assert }) => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map(backoffSeconds),
      [30, 60, 120, 240, 480, 960, 1920, 3600]
    )
  })
})
