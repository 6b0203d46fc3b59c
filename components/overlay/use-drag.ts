/**
 * Dragging the panel by its header (or the collapsed pill): follows the pointer after a
 * 4 px threshold, stays inside the viewport, and reports the place once, on release.
 * Presses on buttons, inputs, selects and links are theirs, not a drag.
 */
import { useRef, useState, type PointerEvent, type RefObject } from 'react';
import type { Position } from './types';

export function useDrag(rootRef: RefObject<HTMLElement | null>, position: Position, onMove: (p: Position) => void) {
  const [dragPos, setDragPos] = useState<Position | null>(null);
  const drag = useRef<{ x: number; y: number; start: Position; moved: boolean } | null>(null);
  const where = dragPos ?? position;

  const clamp = (p: Position): Position => {
    const box = rootRef.current?.getBoundingClientRect();
    const w = box?.width ?? 300;
    const h = box?.height ?? 60;
    return { right: Math.min(Math.max(0, p.right), Math.max(0, innerWidth - w)), bottom: Math.min(Math.max(0, p.bottom), Math.max(0, innerHeight - h)) };
  };
  const onPointerDown = (e: PointerEvent) => {
    if ((e.target as Element).closest('button, input, select, a')) return;
    drag.current = { x: e.clientX, y: e.clientY, start: where, moved: false };
    (e.currentTarget as Element).setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    d.moved = true;
    setDragPos(clamp({ right: d.start.right - dx, bottom: d.start.bottom - dy }));
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d?.moved && dragPos) onMove(dragPos);
    setDragPos(null);
  };

  return { where, handlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp } };
}
