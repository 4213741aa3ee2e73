import { describe, expect, it } from 'vitest';
import { browserOf, deviceOf, isBot } from '../../src/lib/monitoring/user-agent.ts';

const UA = {
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  androidPhone: 'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/24.0 Chrome/117.0.0.0 Mobile Safari/537.36',
  androidTablet: 'Mozilla/5.0 (Linux; Android 13; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
  windowsEdge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51',
  windowsChrome: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  macFirefox: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14.4; rv:125.0) Gecko/20100101 Firefox/125.0',
  opera: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 OPR/108.0.0.0',
};

describe('user agent → device class and browser family', () => {
  it.each([
    ['iphone', 'mobile', 'Safari'],
    ['ipad', 'tablet', 'Safari'],
    ['androidPhone', 'mobile', 'Samsung Internet'],
    ['androidTablet', 'tablet', 'Chrome'],
    ['windowsEdge', 'desktop', 'Edge'],
    ['windowsChrome', 'desktop', 'Chrome'],
    ['macFirefox', 'desktop', 'Firefox'],
    ['opera', 'desktop', 'Opera'],
  ] as const)('%s is %s, %s', (name, device, browser) => {
    expect(deviceOf(UA[name])).toBe(device);
    expect(browserOf(UA[name])).toBe(browser);
    expect(isBot(UA[name])).toBe(false);
  });

  it('calls an unknown browser «Otro»', () => {
    expect(browserOf('Lynx/2.9.0 libwww-FM/2.14')).toBe('Otro');
  });

  it.each([
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
    'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
    'WhatsApp/2.23.20.0',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0.0.0 Safari/537.36',
    'curl/8.5.0',
    'python-requests/2.31',
    '',
  ])('filters the bot %j', (ua) => {
    expect(isBot(ua)).toBe(true);
  });
});
