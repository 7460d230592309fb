import { readToken } from './session';

/** Downloads a document route with the bearer token (a plain link could not send it). */
export async function download(path: string, fallbackName: string): Promise<void> {
  const token = readToken();
  const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(res.status === 404 ? '文件不存在或无权下载' : `下载失败（HTTP ${res.status}）`);
  const match = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '');
  const name = match?.[1] ? decodeURIComponent(match[1]) : fallbackName;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
