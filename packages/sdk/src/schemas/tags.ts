/**
 * Tags (R8.3–R8.5; design Property 8): labels with a colour, unique by name (case-insensitive),
 * assigned at most once per customer, usable at once as a search filter.
 * @module
 */
import { z } from 'zod';
import { Timestamp } from './common.js';
import { Tag } from './customer.js';

/** `#rrggbb`. */
export const TagColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour #rrggbb')
  .transform((s) => s.toLowerCase())
  .meta({ example: '#2563eb' });

/** 1–40 characters after trimming; no control characters. */
export const TagName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(40, 'must be at most 40 characters')
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters')
  .meta({ example: 'VIP' });

/** A tag with how many customers carry it. */
export const TagSummary = Tag.extend({
  description: z.string().nullable(),
  createdAt: Timestamp,
  usageCount: z.number().int().nonnegative().meta({ description: 'Number of customers with this tag' }),
}).meta({ id: 'TagSummary' });
export type TagSummary = z.infer<typeof TagSummary>;

export const TagList = z.object({ tags: z.array(TagSummary).meta({ description: 'By name' }) }).meta({ id: 'TagList' });
export type TagList = z.infer<typeof TagList>;

/** Body of POST /tags. */
export const NewTag = z
  .object({
    name: TagName,
    color: TagColor,
    description: z.string().trim().max(200).optional(),
  })
  .strict()
  .meta({ id: 'NewTag' });
export type NewTag = z.input<typeof NewTag>;

/**
 * Body of POST /customers/:id/tags: an existing tag by `tagId`, or a tag by `name` (matched
 * case-insensitively; created with `color`, default {@link DEFAULT_TAG_COLOR}, when none exists).
 */
export const TagAssignment = z
  .object({
    tagId: z.string().min(1).max(128).optional(),
    name: TagName.optional(),
    color: TagColor.optional().meta({ description: 'Colour of the tag if `name` creates it' }),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.tagId === undefined) === (v.name === undefined)) {
      ctx.addIssue({ code: 'custom', path: v.tagId === undefined ? ['tagId'] : ['name'], message: 'give exactly one of tagId or name' });
    }
    if (v.color !== undefined && v.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['color'], message: 'only with name (the colour of a tag created by name)' });
    }
  })
  .meta({ id: 'TagAssignment' });
export type TagAssignment = z.input<typeof TagAssignment>;

/** The tags of one customer, by name. */
export const CustomerTags = z.object({ tags: z.array(Tag) }).meta({ id: 'CustomerTags' });
export type CustomerTags = z.infer<typeof CustomerTags>;
