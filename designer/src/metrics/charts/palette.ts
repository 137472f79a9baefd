/** Chart colours, matching the app's tokens (base.css): one accent, grey for "now", amber and red for what to watch. */
export const COLORS = {
  primary: '#4f46e5',
  primarySoft: '#c7d2fe',
  now: '#98a2b3',
  nowSoft: '#d0d5dd',
  warning: '#f79009',
  danger: '#d92d20',
  success: '#079455',
  review: '#53b1fd',
  grid: '#eaecf0',
  text: '#475467',
}
