using System.Net;
using System.Net.Sockets;

namespace CertGrid.Testing;

/// <summary>
/// Finds TCP ports nobody listens on, for test servers and silos. They come from below the system's ephemeral range
/// (<c>CERTGRID_TEST_PORT_BASE</c> + 100 up, 1,500 per test project so two projects running side by side never share
/// one), never from the ephemeral range itself: a port the system handed out there could be taken as the local end of
/// an outgoing connection (a Redis or storage client) before the test server binds it, which failed a whole test class
/// with "address already in use". Each port is checked free before it is handed out; without room below the ephemeral
/// range the system picks one, as before.
/// </summary>
public static class FreePort
{
    private const int ProjectSpan = 1_500;
    private const int Projects = 4;
    private const int EphemeralStart = 32_768;

    private static readonly int First = TestEnvironment.PortBase + 100 + (ProjectSlot() * ProjectSpan);
    private static int _handedOut = -1;

    public static int Next()
    {
        if (First + ProjectSpan > EphemeralStart)
        {
            return SystemAssigned();
        }

        for (var tries = 0; tries < ProjectSpan; tries++)
        {
            var port = First + (Interlocked.Increment(ref _handedOut) % ProjectSpan);
            if (IsFree(port))
            {
                return port;
            }
        }

        return SystemAssigned();
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int SystemAssigned()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A slot per test project (named by the directory its output sits under), stable from run to run.</summary>
    private static int ProjectSlot()
    {
        string[] projects = ["CertGrid.Api.Tests", "CertGrid.Grains.Tests", "CertGrid.Domain.Tests"];
        var segments = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(segments, "bin");
        var slot = bin > 0 ? Array.IndexOf(projects, segments[bin - 1]) : -1;
        return slot >= 0 ? slot : Projects - 1;
    }
}
