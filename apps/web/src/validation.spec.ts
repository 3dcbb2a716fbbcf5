import { validateAchievement, validateDemand, validateSignUp } from './validation';

const goodAchievement = { title: '高效钙钛矿电池', summary: '光电转换效率达到28.6%，可用于分布式光伏。', keywords: ['钙钛矿'], industry: 'new-energy', trl: '6', askingPrice: '', patents: [] };

describe('portal form validation mirrors the API DTO rules', () => {
  it('accepts a complete achievement and leaves the price empty for negotiable', () => {
    expect(validateAchievement(goodAchievement, 'zh')).toEqual({});
  });

  it('flags each broken achievement field under the API field name, in the chosen language', () => {
    const e = validateAchievement({ ...goodAchievement, title: 'a', summary: '太短', industry: '', trl: '10', askingPrice: '12.345', keywords: Array(21).fill('k') }, 'en');
    expect(Object.keys(e).sort()).toEqual(['askingPrice', 'industry', 'keywords', 'summary', 'title', 'trl']);
    expect(e.title).toBe('Title must be at least 2 characters');
    expect(e.trl).toBe('TRL must be a whole number from 1 to 9');
    expect(validateAchievement({ ...goodAchievement, title: '' }, 'zh').title).toBe('请填写名称');
  });

  it('demand: minimum TRL is optional but bounded, budget is money', () => {
    const ok = { title: '烟气脱硝', description: '烧结机头烟气氮氧化物经常超标，需要改造方案。', keywords: [], industry: 'energy-saving-environmental', minTrl: '', budget: '500000' };
    expect(validateDemand(ok, 'zh')).toEqual({});
    expect(Object.keys(validateDemand({ ...ok, minTrl: '0', budget: '-1' }, 'zh')).sort()).toEqual(['budget', 'minTrl']);
  });

  it('sign-up uses the nested API paths (organisation.creditCode) and the password rule of the API', () => {
    const e = validateSignUp({ email: 'x', password: 'short1', displayName: '', orgName: '', orgType: '', creditCode: '123', region: '' }, 'zh');
    expect(Object.keys(e).sort()).toEqual(['displayName', 'email', 'organisation.creditCode', 'organisation.name', 'organisation.region', 'organisation.type', 'password']);
    expect(validateSignUp({ email: 'a@b.cn', password: 'Passw0rd-Strong', displayName: '张', orgName: '测试大学', orgType: 'university', creditCode: '12110000MB0000000X', region: 'BJ' }, 'zh')).toEqual({});
  });
});
