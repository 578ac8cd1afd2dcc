/**
 * Measures of GB/T 9704-2012 (党政机关公文格式), in the units Word uses: twips
 * (1/20 pt; 1 mm = 56.7 twips) and half-points for font sizes.
 */
export const GBT9704 = {
  /** A4: 210 × 297 mm. */
  page: { width: 11906, height: 16838 },
  /** 天头 37 mm, 订口 28 mm; the text block is 156 × 225 mm, so 26 mm right and 35 mm below. */
  margin: { top: 2098, left: 1587, right: 1474, bottom: 1984 },
  /** The page number sits about 7 mm below the text block. */
  footer: 1191,
  /** 22 lines in 225 mm: an exact line of 28.95 pt. */
  line: 579,
  /** 2号 (22 pt) for the title, 3号 (16 pt) for the text, 4号 (14 pt) for page numbers. */
  size: { title: 44, body: 32, pageNumber: 28 },
  /** One character of 3号 text: 16 pt. */
  char: 320,
} as const;

/** The typefaces of an official document. Names are what Word looks up; LibreOffice substitutes what it has. */
export interface DocumentFonts {
  /** The title: 2号小标宋体. */
  title: string;
  /** The text and third-level headings: 3号仿宋. */
  body: string;
  /** First-level headings 一、: 黑体. */
  heading1: string;
  /** Second-level headings （一）: 楷体. */
  heading2: string;
  /** Latin letters and digits. */
  latin: string;
}

/** The customary fonts: 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312, Times New Roman. */
export const DEFAULT_FONTS: DocumentFonts = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  latin: 'Times New Roman',
};
