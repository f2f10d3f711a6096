namespace IgfLive.Server.Tests.Events;

/// <summary>A small programme of four sessions in two rooms, as CSV, and the same after the usual late changes.</summary>
public static class SmallProgramme
{
    public const string Header = "external id,title,date,start,end,room,format,onsite moderator,online moderator,rapporteur,speakers,agenda";

    public const string Csv = Header + "\r\n"
        + "WS-1,Data governance in the Global South,2026-12-15,10:00,11:30,Room XXIV,Workshop,Kwame Mensah,Lina Haddad,Ana Pérez,\"Maria Silva (Fundación Datos, Civil society, LAC); Jon Berg (NorTel, Private sector, WEOG)\",\"1. Opening (5 min)\n2. Panel (60 min)\n3. Open discussion (20 min)\n4. Closing (5 min)\"\r\n"
        + "WS-2,AI and elections,2026-12-15,12:00,13:00,Room XXIV,Open Forum,Lina Haddad,,,Omar Farouk (Electoral Commission, Government, Africa),\r\n"
        + "WS-3,Meaningful connectivity,2026-12-15,10:00,11:00,Main Hall,Main Session,,,,,\"Agenda: 1. Opening(5m): welcome. 2. Keynote speaking(20m): Each speaker will be given between 5-6 minutes. 3. Open discussion(35m): the floor.\"\r\n"
        + "WS-4,Youth and the internet,2026-12-16,09:00,10:00,Main Hall,Town Hall,,,,,\r\n";

    /// <summary>WS-1 moved to 14:00, WS-2 renamed, WS-3 left out, WS-5 added; WS-4 as it was.</summary>
    public const string Changed = Header + "\r\n"
        + "WS-1,Data governance in the Global South,2026-12-15,14:00,15:30,Room XXIV,Workshop,Kwame Mensah,Lina Haddad,Ana Pérez,\"Maria Silva (Fundación Datos, Civil society, LAC); Jon Berg (NorTel, Private sector, WEOG)\",\"1. Opening (5 min)\n2. Panel (60 min)\n3. Open discussion (20 min)\n4. Closing (5 min)\"\r\n"
        + "WS-2,AI and elections: what 2026 taught us,2026-12-15,12:00,13:00,Room XXIV,Open Forum,Lina Haddad,,,Omar Farouk (Electoral Commission, Government, Africa),\r\n"
        + "WS-4,Youth and the internet,2026-12-16,09:00,10:00,Main Hall,Town Hall,,,,,\r\n"
        + "WS-5,Cybersecurity capacity,2026-12-16,11:00,12:30,Press Briefing Room,Workshop,,,,,\r\n";
}
