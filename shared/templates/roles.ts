import { tr } from './define';

/** Owners that several templates share, so each role reads the same everywhere. */
export const ROLE = {
  ceo: tr('CEO', '首席执行官'),
  coo: tr('COO', '首席运营官'),
  cfo: tr('CFO', '首席财务官'),
  cmo: tr('CMO', '首席营销官'),
  cto: tr('CTO', '首席技术官'),
  chro: tr('CHRO', '首席人力资源官'),
  founder: tr('Founder', '创始人'),
  generalManager: tr('General Manager', '总经理'),
  headOfGrowth: tr('Head of Growth', '增长负责人'),
  headOfProduct: tr('Head of Product', '产品负责人'),
  headOfData: tr('Head of Data', '数据负责人'),
  headOfOperations: tr('Head of Operations', '运营负责人'),
  headOfUserOps: tr('Head of User Operations', '用户运营负责人'),
  headOfSales: tr('Head of Sales', '销售负责人'),
  headOfCommunity: tr('Head of Community', '社群负责人'),
  headOfCustomerSuccess: tr('Head of Customer Success', '客户成功负责人'),
  brandDirector: tr('Brand Director', '品牌总监'),
  socialLead: tr('Social Media Lead', '社交媒体负责人'),
} as const;

/** Planning horizons. */
export const HORIZON = {
  fy2027: tr('FY2027', '2027 财年'),
  fy2027to2028: tr('FY2027–FY2028', '2027–2028 财年'),
} as const;
