/**
 * Names, phone numbers and street addresses for synthetic houses: common surnames of northern
 * Guangdong, two-character given names, mobile prefixes of the three carriers, and addresses by road
 * (communities) or by natural village and lane (villages).
 */
import { shortVillageName } from './places.ts';
import type { SyntheticVillage } from './places.ts';
import type { Random } from './random.ts';

/** Surname and relative weight, most common first. */
const SURNAMES: Record<string, number> = Object.fromEntries(
  '陈12 黄10 李9 梁7 林6 何5 张5 刘5 罗4 朱4 邓4 冯3 钟3 吴3 谢3 曾3 潘2 郑2 彭2 叶2 欧阳1 麦1 邱1 区1'
    .split(' ')
    .map((s) => [s.replace(/\d+$/, ''), Number(/\d+$/.exec(s)?.[0])]),
);
const GIVEN = '伟强明华杰辉平志海文国建林秀玲燕峰锦荣坤棠添彬浩婷霞桂兰梅珍福财旺生发德锋振耀光永嘉丽敏芳娟英家俊杏群妹'.split('');
const MOBILE_PREFIXES = '130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 180 181 182 183 186 187 188 189'.split(
  ' ',
);
const ROADS =
  '人民一路 人民二路 北门街 上廓街 先锋路 新城路 建设路 沿江路 银泉路 东城大道 连江路 华园路 桥北路 学宫街 和平路 凤翔大道 松岗路 石角大道'.split(
    ' ',
  );
const HAMLETS = '新屋 老围 上坑 下坑 塘边 岭头 石桥 大岗 禾塘 竹园 中心 沙岗 榕树头 水口 庙前 后龙'.split(' ');
const ORDINALS = '一 二 三 四 五 六 七 八 九 十'.split(' ');

/** A full name: surname and one or two given characters. */
export function personName(random: Random): string {
  const surname = random.weighted(SURNAMES);
  return surname + random.pick(GIVEN) + (random.chance(0.8) ? random.pick(GIVEN) : '');
}

/** An 11-digit mobile number. */
export function mobile(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

/** An address in the village: road and number in a community, hamlet, lane and number in a village. */
export function address(random: Random, village: SyntheticVillage): string {
  const place = `${village.townName}${shortVillageName(village.name)}`;
  if (village.name.includes('社区')) return `${place}${random.pick(ROADS)}${random.int(1, 320)}号`;
  const lane = random.chance(0.6) ? `${random.pick(ORDINALS)}巷` : '';
  return `${place}${random.pick(HAMLETS)}村${lane}${random.int(1, 120)}号`;
}
