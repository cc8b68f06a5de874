import { pageWindow, type Ctx, type PageOf } from '#kernel';
import type { DoneItem, InstanceSummary, ListQuery, TodoItem } from '../contract/workflow.schema.ts';
import { requireUser } from './engine.ts';
import { summaries } from './instance.view.ts';
import * as repo from './todo.repo.ts';

/** 待办: open tasks the caller may act on, across every module's reviews. */
export async function listTodo(ctx: Ctx, query: ListQuery): Promise<PageOf<TodoItem>> {
  const me = requireUser(ctx);
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total, totalCapped } = await repo.todoOf(ctx.db, me, query.definitionId, offset, pageSize);
  const views = await summaries(ctx, items);
  return {
    items: items.map((r, i) => ({
      taskId: r.task_id,
      kind: r.task_kind,
      origin: r.task_origin,
      assignedAt: r.assigned_at,
      instance: views[i],
    })),
    total,
    page,
    pageSize,
    totalCapped,
  };
}

/** 已办: instances the caller approved, rejected, returned, added a signer to or handed over. */
export async function listDone(ctx: Ctx, query: ListQuery): Promise<PageOf<DoneItem>> {
  const me = requireUser(ctx);
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total, totalCapped } = await repo.doneBy(ctx.db, me, query.definitionId, offset, pageSize);
  const views = await summaries(ctx, items);
  return {
    items: items.map((r, i) => ({
      lastOperation: r.last_operation as DoneItem['lastOperation'],
      lastActedAt: r.last_at,
      instance: views[i],
    })),
    total,
    page,
    pageSize,
    totalCapped,
  };
}

/** 我发起的: the caller's own submissions. */
export async function listStarted(ctx: Ctx, query: ListQuery): Promise<PageOf<InstanceSummary>> {
  const me = requireUser(ctx);
  const { page, pageSize, offset } = pageWindow(query);
  const { items, total, totalCapped } = await repo.startedBy(ctx.db, me, query.definitionId, offset, pageSize);
  return { items: await summaries(ctx, items), total, page, pageSize, totalCapped };
}
