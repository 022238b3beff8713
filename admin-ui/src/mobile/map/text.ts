/** The words of the inspector's phone map. Chinese only, like the other phone pages. */
export const MAP_TEXT = {
  title: '排查地图',
  hint: '蓝色粗圈为应排查的房屋。点房屋可直接开始排查，无需扫码。',
  count: (n: number) => `辖区共 ${n} 栋房屋`,
  due: (n: number) => `当前视图中应排查 ${n} 栋`,
  signIn: '请先登录，再查看您辖区的房屋地图。',
  signInButton: '工作人员登录',
  failed: '暂时无法加载地图，请稍后重试。',
  approximate: '（近似边界）',
  mapLabel: '辖区房屋地图',
  dueList: '当前视图中应排查的房屋',
  note: '仅显示您辖区内的房屋，不含个人信息。',
  back: '返回我的工作',
};
