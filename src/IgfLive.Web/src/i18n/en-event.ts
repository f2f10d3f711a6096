// English for the event's staff screens (the secretariat's dashboard, a room's stage and desk): not translated.

export const eventStrings = {
  dashboard: {
    pageTitle: 'Secretariat dashboard',
    times: (zone: string) => `Times in ${zone}`,
    noSession: 'No session now',
    status: { NotStarted: 'Not started', Running: 'Running', Paused: 'Paused', Ended: 'Ended' } as Record<string, string>,
    segment: (n: number, of: number, title: string) => `Segment ${n} of ${of}: ${title}`,
    late: (min: number) => `${min} min late`,
    early: (min: number) => `${min} min early`,
    onTime: 'On time',
    projected: (end: string, planned: string) => `ends ~${end} (planned ${planned})`,
    counts: (questions: number, online: number, notes: number) =>
      `${questions} ${questions === 1 ? 'question' : 'questions'} waiting · ${online} online · ${notes} ${notes === 1 ? 'note' : 'notes'}`,
    next: (title: string, at: string) => `Next: ${title} at ${at}`,
    noNext: 'No more sessions in this room',
    overrun: (room: string, min: number, at: string) => `${room}: ${min} min late, next session at ${at}`,
    previous: (title: string, notes: number) => `Last: ${title} — ${notes > 0 ? `report ready (${notes} ${notes === 1 ? 'note' : 'notes'})` : 'no notes taken'}`,
    warnings: 'Running into the next session',
    conflicts: 'Programme conflicts',
    noConflicts: 'No conflicts in the programme.',
    rooms: 'Rooms',
    missingEvent: 'This link names no event. Use the dashboard link the event was created with.',
    missingKey: 'This dashboard link has no key. Use the whole link the event was created with, including the part after #.',
  },
  room: {
    stageTitle: 'Room stage display',
    deskTitle: 'Room desk',
    next: (title: string, at: string) => `Next: ${title} at ${at}`,
    startsIn: (countdown: string) => `starts in ${countdown}`,
    noMore: 'No more sessions in this room.',
    deskNow: (title: string, status: string) => `Now: ${title} (${status})`,
    deskNext: (title: string, at: string, status: string) => `Next: ${title} at ${at} (${status})`,
    missingLink: 'This room link is incomplete. Use the whole link from links.csv, including the part after #.',
  },
};
