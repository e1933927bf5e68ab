import { join, resolve } from 'node:path';
import type { CollectionName } from '../store';

/** Where each store file lives, relative to the data dir: everything under `<dir>/store/`. */
export class StorePaths {
  readonly root: string;

  readonly dataDir: string;

  constructor(dataDir: string) {
    this.dataDir = resolve(dataDir);
    this.root = join(this.dataDir, 'store');
  }

  get meta(): string {
    return join(this.root, 'meta.json');
  }

  get settings(): string {
    return join(this.root, 'settings.json');
  }

  get lock(): string {
    return join(this.root, 'LOCK');
  }

  get journalDir(): string {
    return join(this.root, 'journal');
  }

  journal(seq: number): string {
    return join(this.journalDir, `${String(seq).padStart(12, '0')}.json`);
  }

  collectionDir(collection: CollectionName): string {
    return join(this.root, collection);
  }

  partition(collection: CollectionName, partition: string): string {
    return join(this.root, collection, `${partition}.json`);
  }
}
