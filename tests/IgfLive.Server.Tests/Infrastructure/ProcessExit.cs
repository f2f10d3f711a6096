using System.Diagnostics;

namespace IgfLive.Server.Tests.Infrastructure;

/// <summary>Waiting for a child process whose output is read line by line.</summary>
internal static class ProcessExit
{
    /// <summary>
    /// True once the process has exited and both of its redirected output streams have been read
    /// to the end — <see cref="Process.Exited"/> can come before the last lines have been handled;
    /// false when the process was disposed first (the test stopped it).
    /// </summary>
    public static async Task<bool> ExitedWithAllOutputReadAsync(this Process process)
    {
        try
        {
            await process.WaitForExitAsync();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
