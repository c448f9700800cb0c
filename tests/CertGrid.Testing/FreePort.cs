using System.Net;
using System.Net.Sockets;

namespace CertGrid.Testing;

/// <summary>Finds TCP ports nobody listens on, for test servers and silos.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
