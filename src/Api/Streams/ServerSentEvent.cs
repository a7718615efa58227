using System.Text;

namespace Governance.Api.Streams;

/// <summary>One message of a text/event-stream, encoded once so that every subscriber is sent the same bytes.</summary>
public sealed class ServerSentEvent
{
    private ServerSentEvent(string id, byte[] frame)
    {
        Id = id;
        Frame = frame;
    }

    public string Id { get; }

    public ReadOnlyMemory<byte> Frame { get; }

    /// <summary>An "event:", "id:" and "data:" frame; data with line breaks takes one data line each, as the format requires.</summary>
    public static ServerSentEvent Create(string type, string id, string data)
    {
        var frame = new StringBuilder();
        frame.Append("event: ").Append(type).Append('\n').Append("id: ").Append(id).Append('\n');
        foreach (var line in data.Split('\n'))
        {
            frame.Append("data: ").Append(line.TrimEnd('\r')).Append('\n');
        }

        return new ServerSentEvent(id, Encoding.UTF8.GetBytes(frame.Append('\n').ToString()));
    }
}
