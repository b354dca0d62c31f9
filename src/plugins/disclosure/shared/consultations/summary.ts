/**
 * The feedback summary (意见采纳情况) generated from the adoption decisions: how many comments
 * were received, adopted, partly adopted and not adopted, and the reasons for what was not
 * adopted — per unit of the draft where the comments are anchored. It quotes the office's own
 * reasons, never a commenter's text or name (those may hold personal data). Staff edit it
 * before it is submitted to the review. Pure.
 */
import type { Adoption, CommentCounts, DraftUnit, Moderation } from './contracts';

/** What the summary and the counts read of a comment. */
export interface DecidedComment {
  number: number;
  anchor: string | null;
  moderation: Moderation;
  adoption: Adoption | null;
  adoptionReason: string | null;
}

/** The counts of a consultation's comments (a rejected comment is received but not decided). */
export function countsOf(comments: readonly DecidedComment[]): CommentCounts {
  const considered = comments.filter((comment) => comment.moderation !== 'rejected');
  const adoption = (value: Adoption) =>
    considered.filter((comment) => comment.adoption === value).length;
  return {
    received: comments.length,
    public: comments.filter((comment) => comment.moderation === 'public').length,
    rejected: comments.length - considered.length,
    adopted: adoption('adopted'),
    partly: adoption('partly'),
    notAdopted: adoption('not_adopted'),
    undecided: considered.filter((comment) => comment.adoption === null).length,
  };
}

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 一、二、… 十、十一、… (enough for any draft's units). */
const ordinal = (index: number): string => {
  const n = index + 1;
  if (n <= 10) return ORDINALS[n - 1];
  if (n < 20) return `十${ORDINALS[n - 11]}`;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return n < 100 ? `${ORDINALS[tens - 1]}十${ones ? ORDINALS[ones - 1] : ''}` : String(n);
};

const tally = (counts: Pick<CommentCounts, 'adopted' | 'partly' | 'notAdopted'>) =>
  [
    counts.adopted && `采纳${counts.adopted}条`,
    counts.partly && `部分采纳${counts.partly}条`,
    counts.notAdopted && `未采纳${counts.notAdopted}条`,
  ]
    .filter(Boolean)
    .join('，');

export interface SummaryInput {
  title: string;
  publisher: string;
  opensOn: string;
  closesOn: string;
  units: readonly DraftUnit[];
  comments: readonly DecidedComment[];
}

/** The summary's title: 关于《…》征求意见采纳情况的说明. */
export const summaryTitleOf = (title: string) =>
  `关于《${title.replace(/^《|》$/g, '')}》公开征求意见采纳情况的说明`;

/** 2018-05-02 → 2018年5月2日. */
const chineseDate = (date: string) => {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * The summary's text, one paragraph per line: the totals, then per unit commented on (in the
 * draft's order, the draft as a whole last) its tally and the reasons for what was not adopted.
 */
export function summaryTextOf(input: SummaryInput): string {
  const counts = countsOf(input.comments);
  const considered = input.comments.filter((comment) => comment.moderation !== 'rejected');
  const name = input.title.replace(/^《|》$/g, '');
  const lines = [
    `${chineseDate(input.opensOn)}至${chineseDate(input.closesOn)}，${input.publisher || '我单位'}就《${name}》公开征求社会意见，共收到意见${counts.received}条${counts.rejected ? `（其中${counts.rejected}条与征求意见稿无关或无实质内容，未作处理）` : ''}。` +
      (considered.length
        ? `经认真研究，${tally(counts)}。具体情况如下：`
        : '没有需要研究处理的意见。'),
  ];
  const groups: Array<{ label: string; comments: DecidedComment[] }> = [
    ...input.units.map((unit) => ({
      label: unit.label,
      comments: considered.filter((comment) => comment.anchor === unit.anchor),
    })),
    {
      label: '征求意见稿整体',
      comments: considered.filter(
        (comment) =>
          comment.anchor === null || !input.units.some((unit) => unit.anchor === comment.anchor)
      ),
    },
  ].filter((group) => group.comments.length > 0);
  groups.forEach((group, index) => {
    const of = (value: Adoption) => group.comments.filter((c) => c.adoption === value).length;
    lines.push(
      `${ordinal(index)}、关于${group.label}：收到意见${group.comments.length}条，${tally({
        adopted: of('adopted'),
        partly: of('partly'),
        notAdopted: of('not_adopted'),
      })}。`
    );
    for (const comment of group.comments) {
      if (comment.adoption === 'partly' || comment.adoption === 'not_adopted') {
        const verb = comment.adoption === 'partly' ? '部分采纳' : '未采纳';
        lines.push(`意见${comment.number}${verb}的理由：${comment.adoptionReason ?? ''}`);
      }
    }
  });
  return lines.join('\n');
}
