/**
 * The drag payload for citing a claim by dragging it into a brief. Any list of
 * annotations (the inspector's, the actor page's) sets it on dragstart:
 *
 *     setAnnotationDrag(event.dataTransfer, { annotationId, sourceId })
 *
 * which is `dataTransfer.setData('application/x-dossier-annotation', JSON.stringify({annotationId, sourceId}))`.
 */
export const ANNOTATION_DRAG_TYPE = 'application/x-dossier-annotation';

export interface AnnotationDrag {
  annotationId: string;
  sourceId?: string;
}

export function setAnnotationDrag(dataTransfer: DataTransfer, payload: AnnotationDrag & { quote?: string }): void {
  dataTransfer.setData(
    ANNOTATION_DRAG_TYPE,
    JSON.stringify({ annotationId: payload.annotationId, sourceId: payload.sourceId }),
  );
  if (payload.quote) dataTransfer.setData('text/plain', payload.quote);
  dataTransfer.effectAllowed = 'copy';
}

/** The payload of a drop, or null when it carries none (or a malformed one). */
export function readAnnotationDrag(dataTransfer: DataTransfer | null | undefined): AnnotationDrag | null {
  const raw = dataTransfer?.getData(ANNOTATION_DRAG_TYPE);
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as unknown;
    if (!value || typeof value !== 'object') return null;
    const { annotationId, sourceId } = value as Record<string, unknown>;
    if (typeof annotationId !== 'string' || !annotationId) return null;
    return typeof sourceId === 'string' ? { annotationId, sourceId } : { annotationId };
  } catch {
    return null;
  }
}
