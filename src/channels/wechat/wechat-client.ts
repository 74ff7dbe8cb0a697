import type { WechatArticle } from './article-format';

/**
 * A typed client for the WeChat Official Account API (公众号): stable access token, image and
 * material uploads, drafts and free publishing. The base URL is configurable (tests point it at
 * a local fake that enforces the documented rules).
 */
export type WechatConfig = {
  baseUrl: string;
  appId: string;
  appSecret: string;
  retries?: number;
  retryDelayMs?: number;
};

export type Upload = { buffer: Buffer; filename: string; mime: string };
/** One article of a draft/add: the formatted article with its cover as the thumb and the cover's crops. */
export type DraftArticle = Omit<WechatArticle, 'images'> & {
  thumb_media_id: string;
  pic_crop_235_1?: string;
  pic_crop_1_1?: string;
};
export type PublishStatus = {
  publish_id: string;
  publish_status: number;
  article_id?: string;
  article_detail?: { count: number; item: Array<{ idx: number; article_url: string }> };
  fail_idx?: number[];
};

// Readable meanings of the error codes an editor is likely to meet.
const MEANINGS: Record<number, string> = {
  40001: '凭证无效 / invalid access token',
  40007: '素材不存在 / invalid media_id',
  40009: '图片大小超限 / image too large',
  40013: 'AppID 无效 / invalid AppID',
  40125: 'AppSecret 无效 / invalid AppSecret',
  41001: '缺少凭证 / access token missing',
  42001: '凭证已过期 / access token expired',
  45002: '正文超长 / content too long',
  45003: '标题超长 / title too long',
  45004: '摘要超长 / digest too long',
  45110: '作者超长 / author too long',
  48001: '未获得该接口权限 / API not authorised for this account',
  53404: '账号已被限制带货能力 / account restricted',
  61023: '凭证已失效 / refresh token invalid',
};

export class WechatApiError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`微信接口 ${path} 返回错误 ${errcode}：${MEANINGS[errcode] ?? errmsg} (${errmsg})`);
    this.name = 'WechatApiError';
  }
}

/** A failure the CMS cannot fix by itself: the HTTP layer answers it with `status` (502 or 503). */
export class WechatChannelError extends Error {
  constructor(
    message: string,
    readonly status: 502 | 503,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'WechatChannelError';
  }
}

/** WeChat could not be reached, or answered with a server error. */
export class WechatUnavailableError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`微信接口 ${path} 暂时无法访问 / WeChat ${path} is unavailable: ${reason}`);
    this.name = 'WechatUnavailableError';
  }
}

const TOKEN_ERRORS = new Set([40001, 40014, 42001]);
// -1 "system busy" and network or 5xx failures are worth another try; nothing else is.
const isTransient = (error: unknown) =>
  error instanceof WechatUnavailableError ||
  (error instanceof WechatApiError && error.errcode === -1);

export class WechatClient {
  private token: { value: string; expiresAt: number } | null = null;

  constructor(
    private readonly config: WechatConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** cgi-bin/stable_token, cached until five minutes before it expires. */
  async accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.token && this.token.expiresAt > this.now()) return this.token.value;
    const answer = await this.request<{ access_token: string; expires_in: number }>(
      'cgi-bin/stable_token',
      {
        json: {
          grant_type: 'client_credential',
          appid: this.config.appId,
          secret: this.config.appSecret,
          force_refresh: forceRefresh,
        },
        withToken: false,
      },
    );
    this.token = {
      value: answer.access_token,
      expiresAt: this.now() + (answer.expires_in - 300) * 1000,
    };
    return answer.access_token;
  }

  /** Body images: returns the URL to use inside the article content. */
  uploadImage(file: Upload) {
    return this.call<{ url: string }>('cgi-bin/media/uploadimg', { file });
  }

  /** Permanent material, e.g. the cover thumb. */
  addMaterial(type: 'image' | 'thumb', file: Upload) {
    return this.call<{ media_id: string; url?: string }>('cgi-bin/material/add_material', {
      file,
      query: { type },
    });
  }

  addDraft(articles: DraftArticle[]) {
    return this.call<{ media_id: string }>('cgi-bin/draft/add', { json: { articles } });
  }

  submitPublish(mediaId: string) {
    return this.call<{ publish_id: string; msg_data_id?: string }>('cgi-bin/freepublish/submit', {
      json: { media_id: mediaId },
    });
  }

  getPublish(publishId: string) {
    return this.call<PublishStatus>('cgi-bin/freepublish/get', { json: { publish_id: publishId } });
  }

  /** An authenticated call: a rejected token is refreshed once; transient failures are retried with backoff. */
  private async call<T>(
    path: string,
    options: { json?: unknown; file?: Upload; query?: Record<string, string> },
  ): Promise<T> {
    try {
      return await this.request<T>(path, { ...options, withToken: true });
    } catch (error) {
      if (error instanceof WechatApiError && TOKEN_ERRORS.has(error.errcode)) {
        await this.accessToken(true);
        return this.request<T>(path, { ...options, withToken: true });
      }
      throw error;
    }
  }

  private async request<T>(
    path: string,
    options: { json?: unknown; file?: Upload; query?: Record<string, string>; withToken: boolean },
  ): Promise<T> {
    const attempts = (this.config.retries ?? 2) + 1;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once<T>(path, options);
      } catch (error) {
        if (attempt >= attempts || !isTransient(error)) throw error;
        await new Promise((resolve) =>
          setTimeout(resolve, (this.config.retryDelayMs ?? 500) * 2 ** (attempt - 1)),
        );
      }
    }
  }

  private async once<T>(
    path: string,
    {
      json,
      file,
      query,
      withToken,
    }: { json?: unknown; file?: Upload; query?: Record<string, string>; withToken: boolean },
  ): Promise<T> {
    const url = new URL(
      path,
      this.config.baseUrl.endsWith('/') ? this.config.baseUrl : `${this.config.baseUrl}/`,
    );
    for (const [key, value] of Object.entries(query ?? {})) url.searchParams.set(key, value);
    if (withToken) url.searchParams.set('access_token', await this.accessToken());
    let body: string | FormData | undefined;
    const headers: Record<string, string> = {};
    if (file) {
      body = new FormData();
      body.append('media', new Blob([file.buffer], { type: file.mime }), file.filename);
    } else if (json !== undefined) {
      body = JSON.stringify(json);
      headers['Content-Type'] = 'application/json';
    }
    let answer: T & { errcode?: number; errmsg?: string };
    try {
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers,
        signal: AbortSignal.timeout(30_000),
      });
      if (response.status >= 500) throw new Error(`HTTP ${response.status}`);
      answer = (await response.json()) as typeof answer;
    } catch (error) {
      throw new WechatUnavailableError(path, (error as Error).message);
    }
    if (answer.errcode !== undefined && answer.errcode !== 0)
      throw new WechatApiError(answer.errcode, answer.errmsg ?? '', path);
    return answer;
  }
}
