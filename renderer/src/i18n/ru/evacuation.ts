// ru: the evacuation roll call screen (docs/evacuation.md).
import type { Catalog } from '../../../../core/i18n/languages';

export const evacuation = {
  evac: {
    title: 'Эвакуация – перекличка',
    running: 'ЭВАКУАЦИЯ с {{at}}',
    drillRunning: 'Учебная эвакуация с {{at}}',
    unaccounted: 'ещё не отмечены',
    safe: 'в безопасности',
    inside: 'в здании',
    start: 'Начать эвакуацию',
    drill: 'Начать учения',
    end: 'Завершить эвакуацию',
    started: 'Начато: каждая станция покажет это после синхронизации.',
    ended: 'Завершено.',
    exportPdf: 'Список для экстренных служб (PDF)',
    exportCsv: 'Список (CSV)',
    saved: 'Сохранено: {{file}}',
    scanLabel: 'Пункт сбора: отсканируйте бейдж',
    markSafe: 'В безопасности',
    undoSafe: 'Отменить',
    elsewhere: 'В здании, зал неизвестен',
    roomCount: 'Не отмечены: {{n}} из {{total}}',
    freshness: 'Самые свежие данные от каждой станции',
    thisStation: 'эта станция',
    lastSync: 'Последняя синхронизация с сервером {{at}}',
    neverSynced: 'Нет синхронизации с сервером: в списке только данные этой станции.',
    outcome: {
      marked: '{{name}} в безопасности. Ещё не отмечены: {{n}}.',
      already: '{{name}} уже отмечен(а).',
      not_inside: '{{name}} в безопасности (не было в списке находящихся в здании).',
      undone: 'Отметка для {{name}} снята.',
      unknown: 'Этого бейджа нет в списке станции. Отметьте человека по имени.',
      no_evacuation: 'Эвакуация не идёт: сначала начните её.',
    },
  },
} satisfies Catalog;
