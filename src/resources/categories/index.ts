// The categories resource, declared once: see ../resource.ts for what each field drives.
import { defineResource } from '../resource.js'
import { categories, categorySources } from './tables.js'
import { createCategoriesRepository } from './repository.js'
import collection from './routes.js'
import { Holder, HolderList, references } from './schemas.js'

export default defineResource({
  singular: 'category',
  plural: 'categories',
  description: 'TOP product categories and who held them when.',
  order: 2,
  tables: [categories, categorySources],
  repository: (db, { search }) => createCategoriesRepository(db, search),
  collection,
  schemas: [Holder, HolderList],
  references,
  search: {
    alias: 'k',
    sql: `select k.id, k.name, coalesce(k.description, '')
    from categories k`
  }
})
