import { memoryDriver } from '@rectify/core';
import { testStorageAdapter } from '../src/index.js';

// The reference driver runs the whole kit: what the kit asks of others, it asks of it.
testStorageAdapter({
  name: 'memory',
  create: async () => memoryDriver(),
  skip: { migrations: 'a memory store starts empty every time: there is no older or newer schema to meet' },
});
