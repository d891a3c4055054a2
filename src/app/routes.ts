// Every screen's code but the library's, behind this one small chunk: its import table (each route's
// chunks and styles, as the bundler lists them) stays out of the entry, which the first screen (#/)
// downloads before it paints. index.html's boot hint asks for this chunk on any other address, beside
// the entry; on #/ the app fetches it once the first screen has settled (App.tsx).
export const routes = {
  play: () => import('../features/trainee/PlayRoute'),
  // Authoring code (editor, YAML parser, schema, map layout) loads only on these routes.
  author: () => import('../features/authoring/AuthorRoute'),
  pack: () => import('../features/authoring/pack/PackRoute'),
  classroom: () => import('../features/classroom/ClassroomRoute'),
  // A phone in a class's room: its own small chunk.
  join: () => import('../features/join/JoinRoute'),
  results: () => import('../features/results/ResultsRoute'),
  settings: () => import('../features/settings/SettingsRoute'),
  // A mistyped link's page: rare, so not in the first screen's code either.
  notFound: () => import('./NotFound').then((m) => ({ default: m.NotFound })),
};
