/**
 * The house stylesheet of WeChat articles. WeChat keeps only inline styles, so these rules are
 * inlined into every element (juice) and the classes removed afterwards.
 */
export const HOUSE_STYLESHEET = `
.article { font-size: 16px; line-height: 1.75; color: #333333; letter-spacing: 0.5px; padding: 0 4px; }
p { margin: 0 0 16px 0; text-align: justify; }
h1, h2 { font-size: 18px; font-weight: bold; color: #c8102e; border-left: 4px solid #c8102e; padding-left: 8px; margin: 24px 0 12px 0; }
h3, h4, h5, h6 { font-size: 16px; font-weight: bold; color: #8a0a1e; margin: 20px 0 10px 0; }
blockquote { margin: 16px 0; padding: 10px 14px; background: #fff6e5; border-left: 3px solid #f4c542; color: #5c4400; }
ul, ol { margin: 0 0 16px 0; padding-left: 24px; }
li { margin-bottom: 6px; }
strong { color: #c8102e; }
figure { margin: 16px 0; text-align: center; }
img { max-width: 100%; height: auto; display: block; margin: 0 auto; }
figcaption { font-size: 13px; color: #888888; margin-top: 6px; }
pre { background: #f6f6f6; padding: 10px; font-size: 13px; white-space: pre-wrap; }
sup { font-size: 11px; color: #c8102e; }
.footnotes { margin-top: 28px; padding-top: 10px; border-top: 1px solid #eeeeee; font-size: 12px; color: #888888; word-break: break-all; }
.footnotes p { margin: 0 0 4px 0; text-align: left; }
.source { font-size: 13px; color: #888888; margin-top: 16px; }
`;
