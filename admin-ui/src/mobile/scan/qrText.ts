/** The in-app scanner's words, and those of the links that lead to it. */
import type { CameraProblem } from './useQrCamera.ts';

export const QR_TEXT = {
  documentTitle: '扫码查房 · 一栋一码',
  title: '扫描房屋二维码',
  hint: '将房屋标牌上的二维码放入框内，识别后自动打开房屋信息。',
  starting: '正在打开摄像头…',
  scanning: '正在识别…',
  notLabel: '这不是房屋二维码',
  notLabelHint: '请对准房屋标牌上的二维码。',
  found: '已识别，正在打开房屋信息…',
  video: '摄像头画面',
  manualTitle: '手动输入房屋编码',
  manualHint: '标牌上二维码下方印有 18 位房屋编码。',
  unavailableTitle: '无法使用摄像头扫码',
  retry: '重试',
  problems: {
    insecure: '当前网页不是安全连接（HTTPS），手机浏览器不允许在此打开摄像头。请用手机自带的扫码功能扫描标牌，或在下方输入房屋编码。',
    unsupported: '此浏览器不支持在网页中打开摄像头。请用手机自带的扫码功能扫描标牌，或在下方输入房屋编码。',
    denied: '未获得摄像头权限。请在浏览器或系统设置中允许本网站使用摄像头后重试，或在下方输入房屋编码。',
    noCamera: '未找到可用的摄像头。请在下方输入房屋编码。',
    busy: '摄像头正被其他应用占用或已中断。请关闭其他使用摄像头的应用后重试，或在下方输入房屋编码。',
    failed: '摄像头打开失败。请重试，或在下方输入房屋编码。',
  } satisfies Record<CameraProblem, string>,
  /** Problems a retry may fix (a permission granted in the settings, another app closed). */
  retryable: ['denied', 'busy', 'failed'] as readonly CameraProblem[],
  entry: '扫码查房',
  entryAgain: '重新扫码',
  entryNext: '扫码排查下一栋',
};
