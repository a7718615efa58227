using System.Net.Sockets;

namespace Governance.Api.Tests.Infrastructure;

/// <summary>Loopback ports the operating system reports free, so that silos started in parallel never collide.</summary>
public static class FreePorts
{
    /// <summary>Distinct free ports: every listener stays open until all are chosen, so no port is handed out twice.</summary>
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return [.. listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
