import fs from 'fs/promises';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import type { Core } from '@strapi/strapi';
import type { DemoImageKey } from './demo-content';

type DemoImage = {
  fileName: string;
  alt: string;
  width: number;
  height: number;
  svg: (w: number, h: number) => string;
};

/** A train silhouette over a two-colour gradient: recognisable without any font on the machine. */
const trainArt = (from: string, to: string) => (w: number, h: number) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
  <rect width="${w}" height="${h}" fill="url(#g)"/>
  <g fill="#ffffff" fill-opacity="0.9">
    <path d="M${w * 0.08} ${h * 0.62} h${w * 0.7} q${w * 0.14} 0 ${w * 0.16} ${h * 0.12} h-${w * 0.86} z"/>
    ${[0, 1, 2, 3].map((i) => `<rect x="${w * (0.12 + i * 0.16)}" y="${h * 0.64}" width="${w * 0.1}" height="${h * 0.05}" rx="4" fill="${from}"/>`).join('')}
  </g>
  <rect x="0" y="${h * 0.8}" width="${w}" height="${h * 0.02}" fill="#ffd54f"/>
  <circle cx="${w * 0.85}" cy="${h * 0.25}" r="${Math.min(w, h) * 0.1}" fill="#ffd54f" fill-opacity="0.85"/>
</svg>`;

const logoArt = (w: number, h: number) => `
<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 100 100">
  <circle cx="50" cy="50" r="48" fill="#C8102E"/>
  <circle cx="50" cy="50" r="40" fill="none" stroke="#ffd54f" stroke-width="3"/>
  <path d="M22 60 h44 q10 0 12 8 h-56 z" fill="#ffffff"/>
  <rect x="26" y="61" width="8" height="4" fill="#C8102E"/><rect x="38" y="61" width="8" height="4" fill="#C8102E"/><rect x="50" y="61" width="8" height="4" fill="#C8102E"/>
  <polygon points="50,20 54,32 67,32 57,40 61,52 50,44 39,52 43,40 33,32 46,32" fill="#ffd54f"/>
</svg>`;

const DEMO_IMAGES: Record<DemoImageKey, DemoImage> = {
  brandLogo: {
    fileName: 'demo-brand-logo.png',
    alt: '党建动车组品牌标识',
    width: 512,
    height: 512,
    svg: logoArt,
  },
  brandCover: {
    fileName: 'demo-brand-cover.png',
    alt: '党建动车组品牌主视觉',
    width: 1600,
    height: 900,
    svg: trainArt('#C8102E', '#7a0019'),
  },
  coverRed: {
    fileName: 'demo-cover-red.png',
    alt: '红色主题配图',
    width: 1200,
    height: 675,
    svg: trainArt('#d32f2f', '#8e0000'),
  },
  coverGold: {
    fileName: 'demo-cover-gold.png',
    alt: '金色主题配图',
    width: 1200,
    height: 675,
    svg: trainArt('#c17900', '#8d5a00'),
  },
  coverBlue: {
    fileName: 'demo-cover-blue.png',
    alt: '蓝色主题配图',
    width: 1200,
    height: 675,
    svg: trainArt('#1565c0', '#003c8f'),
  },
  coverGreen: {
    fileName: 'demo-cover-green.png',
    alt: '绿色主题配图',
    width: 1200,
    height: 675,
    svg: trainArt('#2e7d32', '#005005'),
  },
};

export type DemoImageIds = Record<DemoImageKey, number>;

/**
 * Renders the demo pictures and puts them through the upload service, so they get the same
 * responsive formats (thumbnail/small/medium/large) as anything an editor uploads.
 * An image already in the media library (same file name) is reused.
 */
export const ensureDemoImages = async (strapi: Core.Strapi): Promise<DemoImageIds> => {
  const ids = {} as DemoImageIds;
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'brand-cms-demo-'));
  try {
    for (const [key, image] of Object.entries(DEMO_IMAGES) as Array<[DemoImageKey, DemoImage]>) {
      const existing = await strapi.db
        .query('plugin::upload.file')
        .findOne({ where: { name: image.fileName } });
      if (existing) {
        ids[key] = existing.id;
        continue;
      }
      const filepath = path.join(workDir, image.fileName);
      await sharp(Buffer.from(image.svg(image.width, image.height)))
        .png()
        .toFile(filepath);
      const { size } = await fs.stat(filepath);
      const [uploaded] = await strapi
        .plugin('upload')
        .service('upload')
        .upload({
          data: {
            fileInfo: { name: image.fileName, alternativeText: image.alt, caption: image.alt },
          },
          files: { filepath, originalFilename: image.fileName, mimetype: 'image/png', size },
        });
      ids[key] = uploaded.id;
    }
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
  return ids;
};
