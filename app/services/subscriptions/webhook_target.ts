import { BlockList, isIP } from 'node:net'
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { promisify } from 'node:util'
import { subscriptionDefaults } from '#config/delivery'
import { WebhookUrlException } from '#exceptions/subscription_exceptions'

/*
 * Where a webhook may point (SSRF guard): https only, no credentials in the URL, and no address
 * in a private, loopback, link-local (cloud metadata), CGNAT, multicast or reserved range unless
 * allow-listed. The check runs on the URL at registration and on every resolved address at
 * connect time (lookupGuard), so a name re-pointed to 10.x later (DNS rebinding) is refused too.
 */
const RESERVED = new BlockList()
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  RESERVED.addSubnet(network, prefix, 'ipv4')
for (const [network, prefix] of [
  ['::', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  RESERVED.addSubnet(network, prefix, 'ipv6')

const LOOPBACK = new BlockList()
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4')
LOOPBACK.addAddress('::1', 'ipv6')

/** Run-time settings (tests switch loopback off to see the production refusals). */
export const targetSettings = {
  allowLoopback: subscriptionDefaults.allowLoopback,
  allowedNetworks: subscriptionDefaults.allowedNetworks,
}

function allowList() {
  const list = new BlockList()
  for (const entry of targetSettings.allowedNetworks) {
    const [address, prefix] = entry.split('/')
    const family = isIP(address)
    if (!family) continue
    const type = family === 4 ? 'ipv4' : 'ipv6'
    if (prefix) list.addSubnet(address, Number(prefix), type)
    else list.addAddress(address, type)
  }
  return list
}

/** IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it carries. */
function normalise(address: string): { address: string; type: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return { address: mapped[1], type: 'ipv4' }
  return { address, type: isIP(address) === 6 ? 'ipv6' : 'ipv4' }
}

export function isLoopback(raw: string) {
  const { address, type } = normalise(raw)
  return LOOPBACK.check(address, type)
}

/** Why an address may not be called, or null when it may. */
export function addressRefusal(raw: string): string | null {
  const { address, type } = normalise(raw)
  if (allowList().check(address, type)) return null
  if (LOOPBACK.check(address, type)) return targetSettings.allowLoopback ? null : 'privateAddress'
  return RESERVED.check(address, type) ? 'privateAddress' : null
}

const resolveAll = promisify(dnsLookup) as unknown as (
  host: string,
  options: { all: true }
) => Promise<LookupAddress[]>

function hostOf(url: URL) {
  return url.hostname.replace(/^\[|\]$/g, '')
}

/** Validates a webhook URL (syntax, scheme, credentials, every resolved address); 422 naming the rule. */
export async function checkWebhookUrl(raw: string): Promise<URL> {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new WebhookUrlException('url')
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookUrlException('https')
  if (url.username || url.password) throw new WebhookUrlException('credentials')
  const host = hostOf(url)
  let addresses: string[]
  if (isIP(host)) addresses = [host]
  else {
    try {
      const entries = await resolveAll(host, { all: true })
      addresses = entries.map((entry) => entry.address)
    } catch {
      throw new WebhookUrlException('unresolvable')
    }
  }
  if (addresses.length === 0) throw new WebhookUrlException('unresolvable')
  for (const address of addresses)
    if (addressRefusal(address)) throw new WebhookUrlException('privateAddress')
  // Plain http only to a loopback receiver, and only when the flag allows loopback at all.
  if (url.protocol === 'http:' && !(targetSettings.allowLoopback && addresses.every(isLoopback)))
    throw new WebhookUrlException('https')
  return url
}

/** A `lookup` for http(s).request that refuses a name resolving to a forbidden address. */
export function lookupGuard(
  hostname: string,
  options: object,
  callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void
) {
  dnsLookup(hostname, { ...options, all: true }, (error, entries) => {
    if (error) return callback(error, '')
    const refused = entries.find((entry) => addressRefusal(entry.address))
    if (refused) return callback(new Error(`refused address ${refused.address}`), '')
    if ((options as { all?: boolean }).all) return callback(null, entries)
    callback(null, entries[0].address, entries[0].family)
  })
}
