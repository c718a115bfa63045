import type { Problem } from './schemas/common.js';

/**
 * Thrown by every client method when the API answers with an error status (or cannot be reached,
 * with `status` 0). `problem` is the server's RFC 9457 problem+json body.
 */
export class C360ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'C360ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** True for 401 and 403: the element should show its access-denied state. */
  get isAccessDenied(): boolean {
    return this.status === 401 || this.status === 403;
  }

  /** True for 404: the thing asked for does not exist. */
  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/**
 * The problem+json of an error response: `body` when it has the shape of one (type, title and
 * status), else a problem made from the response's status line.
 */
export function problemFrom(body: unknown, response: Pick<Response, 'status' | 'statusText'>): Problem {
  const b = body as Partial<Problem> | null | undefined;
  if (b && typeof b === 'object' && typeof b.type === 'string' && typeof b.title === 'string' && typeof b.status === 'number')
    return b as Problem;
  return { type: 'about:blank', title: response.statusText || 'HTTP error', status: response.status };
}
