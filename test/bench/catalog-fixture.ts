import { statSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '#main/backend/store';
import { createSearchIndex } from '#main/backend/modules/catalog/search-index';
import { systemClock } from '#main/backend/lib/clock';
import { uuidV7Ids } from '#main/backend/lib/ids';
import { appRoot } from '#main/backend/lib/paths';
import { slugify } from '#shared/text/fold';

// A large Vietnamese-looking catalog for benchmarks: deterministic, so runs compare.

const HEADS = [
  'Cà phê',
  'Trà',
  'Gạo',
  'Nước mắm',
  'Bánh',
  'Kẹo',
  'Mứt',
  'Sữa',
  'Nước ép',
  'Hạt điều',
  'Đường',
  'Muối',
  'Tiêu',
  'Mì',
  'Bún',
  'Phở',
  'Chả',
  'Giò',
  'Nem',
  'Dầu ăn',
  'Xà phòng',
  'Bột giặt',
  'Khăn',
  'Bàn chải',
  'Rau',
  'Khoai',
  'Bưởi',
  'Xoài',
  'Cam',
  'Chuối',
];
const MIDS = [
  'sữa đá',
  'rang xay',
  'hòa tan',
  'đặc biệt',
  'thượng hạng',
  'truyền thống',
  'hữu cơ',
  'tươi',
  'sấy khô',
  'nguyên chất',
  'cao cấp',
  'gia đình',
  'ít đường',
  'không đường',
  'thơm ngon',
  'loại một',
];
const PLACES = [
  'Buôn Ma Thuột',
  'Đà Lạt',
  'Phú Quốc',
  'Bến Tre',
  'Sóc Trăng',
  'Hà Nội',
  'Huế',
  'Hội An',
  'Cần Thơ',
  'Tây Ninh',
  'Nghệ An',
  'Thái Nguyên',
  'Lâm Đồng',
  'Quảng Ngãi',
  'Bình Định',
];
/** Appears in about one product in a thousand: the benchmark's "rarer word". */
export const RARE_WORD = 'sầu riêng';

export interface CatalogFixture {
  dataDir: string;
  products: number;
  buildSeconds: number;
  indexSeconds: number;
  databaseBytes: number;
}

export function buildCatalog(dataDir: string, count: number): CatalogFixture {
  const started = performance.now();
  const store = openStore({ dataDir }, join(appRoot(), 'drizzle'));
  const db = store.db.$client;
  const now = new Date('2026-01-01T00:00:00Z').getTime();
  const insertCategory = db.prepare(
    'insert into categories (uuid, name, slug, created_at, updated_at) values (?, ?, ?, ?, ?)',
  );
  const insertProduct = db.prepare(`
    insert into products (uuid, name, slug, description, category_id, min_price, max_price,
      sold_count, rating_sum, rating_count, is_hot, created_at, updated_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertVariant = db.prepare(`
    insert into product_variants (product_id, sku, barcode, size, price, stock, weight_grams,
      created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertTag = db.prepare('insert into product_tags (product_id, tag) values (?, ?)');
  const at = new Date(now).toISOString();

  db.transaction(() => {
    const categories = HEADS.map((head) =>
      Number(insertCategory.run(uuidV7Ids.uuid(), head, slugify(head), at, at).lastInsertRowid),
    );
    for (let i = 0; i < count; i++) {
      const h = i % HEADS.length;
      const rare = i % 1000 === 7 ? ` ${RARE_WORD}` : '';
      const name = `${HEADS[h]} ${MIDS[(i * 7) % MIDS.length]}${rare} ${PLACES[(i * 11) % PLACES.length]} ${i}`;
      const price = 10_000 + ((i * 7919) % 500) * 1_000;
      const created = new Date(now + i * 60_000).toISOString();
      const ratings = (i * 31) % 50;
      const id = Number(
        insertProduct.run(
          uuidV7Ids.uuid(),
          name,
          `${slugify(name)}`,
          `${name}: sản phẩm chất lượng từ ${PLACES[(i * 3) % PLACES.length]}.`,
          categories[h],
          price,
          price + 20_000,
          (i * 17) % 500,
          ratings * (1 + (i % 5)),
          ratings,
          i % 50 === 0 ? 1 : 0,
          created,
          created,
        ).lastInsertRowid,
      );
      insertVariant.run(
        id,
        `B-${i}-S`,
        `2${String(i).padStart(11, '0')}0`,
        'Nhỏ',
        price,
        50,
        500,
        created,
        created,
      );
      insertVariant.run(
        id,
        `B-${i}-L`,
        `2${String(i).padStart(11, '0')}1`,
        'Lớn',
        price + 20_000,
        20,
        1000,
        created,
        created,
      );
      if (i % 10 === 0) insertTag.run(id, i % 20 === 0 ? 'Bán chạy' : 'Đặc sản');
    }
  })();
  const built = performance.now();
  createSearchIndex(store.db, systemClock).ensureComplete();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const indexed = performance.now();
  store.close();
  return {
    dataDir,
    products: count,
    buildSeconds: (built - started) / 1000,
    indexSeconds: (indexed - built) / 1000,
    databaseBytes: statSync(join(dataDir, 'cartstation.db')).size,
  };
}
