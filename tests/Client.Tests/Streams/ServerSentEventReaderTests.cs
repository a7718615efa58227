using System.Text;

namespace Governance.Client.Tests.Streams;

public sealed class ServerSentEventReaderTests
{
    [Fact]
    public async Task Messages_carry_their_event_id_and_data_and_heartbeat_comments_are_skipped()
    {
        const string text = """
            : heartbeat

            event: tally
            id: 7
            data: {"status":"voting","eligible":4,"participation":1,
            data: "counts":{"yes":1,"no":0,"abstain":0},"quorumReached":true,"outcome":null}

            : heartbeat
            : another

            event: tally
            id: 8
            data: {"status":"closed","eligible":4,"participation":4,"counts":{"yes":2,"no":2,"abstain":0},"quorumReached":true,"outcome":"rejected"}


            """;

        var messages = await ReadAllAsync(ServerSentEventReader.ReadJsonAsync<TallyView>(Stream(text)));

        Assert.Equal(["tally", "tally"], messages.Select(message => message.EventType));
        Assert.Equal(["7", "8"], messages.Select(message => message.Id));
        Assert.Equal(ProposalStatus.Voting, messages[0].Data.Status);
        Assert.Equal(1, messages[0].Data.Counts.Yes);
        Assert.Equal((2, 2, 0), (messages[1].Data.Counts.Yes, messages[1].Data.Counts.No, messages[1].Data.Counts.Abstain));
        Assert.Equal(ProposalOutcome.Rejected, messages[1].Data.Outcome);
    }

    /// <summary>The rules of the HTML standard: the id stays in force until the next one (an empty one clears it), a message without an event is a "message", lines may end in CRLF.</summary>
    [Fact]
    public async Task The_id_stays_in_force_an_unnamed_event_is_a_message_and_crlf_ends_lines_too()
    {
        var text = "retry: 1000\r\nid: cooperative/acme/1\r\ndata: first\r\n\r\ndata: second\r\ndata: line\r\n\r\nevent: member.joined\r\nid:\r\ndata: third\r\n\r\n";

        var messages = await ReadAllAsync(ServerSentEventReader.ReadAsync(Stream(text)));

        Assert.Equal(
            [
                new ServerSentEvent<string>("message", "cooperative/acme/1", "first"),
                new ServerSentEvent<string>("message", "cooperative/acme/1", "second\nline"),
                new ServerSentEvent<string>("member.joined", null, "third"),
            ],
            messages);
    }

    [Fact]
    public async Task A_stream_cut_off_inside_a_message_ends_without_it()
    {
        var messages = await ReadAllAsync(ServerSentEventReader.ReadAsync(Stream("data: whole\n\ndata: cut")));

        Assert.Equal(["whole"], messages.Select(message => message.Data));
    }

    [Fact]
    public async Task Data_that_is_not_the_json_asked_for_throws()
    {
        await Assert.ThrowsAnyAsync<System.Text.Json.JsonException>(
            () => ReadAllAsync(ServerSentEventReader.ReadJsonAsync<TallyView>(Stream("event: tally\ndata: not json\n\n"))));
    }

    private static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    private static async Task<List<ServerSentEvent<T>>> ReadAllAsync<T>(IAsyncEnumerable<ServerSentEvent<T>> messages)
    {
        var read = new List<ServerSentEvent<T>>();
        await foreach (var message in messages)
        {
            read.Add(message);
        }

        return read;
    }
}
