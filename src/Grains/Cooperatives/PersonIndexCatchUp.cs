using System.Diagnostics;
using Governance.Domain.Cooperatives;
using Governance.Grains.Logging;
using Microsoft.Extensions.Logging;
using Orleans.Core;

namespace Governance.Grains.Cooperatives;

/// <summary>
/// Brings imported members' own lists of memberships up to the cooperative's log, after the import has replied: one
/// grain append per person would cap an import near the speed of a single join, so the log is the queue instead. Before
/// an import appends, the version it follows is stored; the catch-up then reads the log on from there, tells each
/// person who joined and is still a member, and stores its progress after every round. A crash loses no one: the next
/// activation, or the reminder that stands while work is left, goes on from the stored version. The stored progress is
/// read beside the activation, not before it, so a cooperative answers without waiting for it.
/// </summary>
public sealed class PersonIndexCatchUp(
    Grain grain,
    IStorage<PersonIndexState> progress,
    IPersonIndexSource log,
    ILogger logger)
{
    /// <summary>The name the progress is stored under: a stored format.</summary>
    public const string StateName = "person-index";

    /// <summary>The reminder that resumes the catch-up after a crash; it stands only while work is left.</summary>
    public const string ReminderName = "person-index";

    /// <summary>Log versions read per round; the progress is stored after each.</summary>
    private const int VersionsPerRound = 4_096;

    /// <summary>People told at once: enough to share their appends, few enough not to flood the silo.</summary>
    private const int PeopleAtOnce = 256;

    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>How long no import may have appended before a round starts: a running import keeps the silo to itself.</summary>
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);

    private Task? _loading;
    private Task _running = Task.CompletedTask;
    private Task _lastWrite = Task.CompletedTask;
    private Task _marking = Task.CompletedTask;
    private int _appending;
    private long _lastAppendAt;

    /// <summary>Whether imported joins may still be missing from their people's memberships, once the progress is read.</summary>
    private bool IsPending => _loading is { IsCompletedSuccessfully: true } && progress.State.PendingAfter is not null;

    /// <summary>
    /// Runs an import's decision and append, whose events follow <paramref name="afterVersion"/>, so that the catch-up
    /// covers them: when no work is pending, that version is stored first, and <paramref name="decideAndAppend"/> runs
    /// after, in one turn with nothing between its decision and its append; once the events are applied the catch-up
    /// runs. It cannot finish in between, since it leaves work pending while an append is on its way. Returns the
    /// decision once the append is durable.
    /// </summary>
    public async Task<T> AppendAsync<T>(long afterVersion, Func<(T Decision, Task Appended)> decideAndAppend)
    {
        (T Decision, Task Appended) run;
        _appending++;
        try
        {
            await LoadedAsync();
            await MarkPendingAsync(afterVersion);
            run = decideAndAppend();
            _lastAppendAt = Environment.TickCount64;
        }
        finally
        {
            _appending--;
        }

        Resume();
        await run.Appended;
        return run.Decision;
    }

    /// <summary>Reads the stored progress at activation and goes on with work a crash left, without holding up the activation.</summary>
    public async Task StartAsync()
    {
        try
        {
            await LoadedAsync();
            Resume();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next import or the reminder reads it again.
            logger.PersonIndexCatchUpFailed(exception, log.CooperativeId);
        }
    }

    /// <summary>The reminder resumes work a crash left; one that outlived its work is removed.</summary>
    public async Task OnReminderAsync()
    {
        await LoadedAsync();
        if (IsPending)
        {
            Resume();
            return;
        }

        await InTurnAsync(async () =>
        {
            if (!IsPending && await grain.GetReminder(ReminderName) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }
        });
    }

    /// <summary>The stored progress, read once; a failed read is tried again by the next caller.</summary>
    private Task LoadedAsync()
    {
        if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
        {
            _loading = progress.ReadStateAsync();
        }

        return _loading;
    }

    /// <summary>Starts the catch-up unless it is running or nothing is pending.</summary>
    private void Resume()
    {
        if (_running.IsCompleted && IsPending)
        {
            _running = RunAsync();
        }
    }

    /// <summary>Stores that work follows <paramref name="afterVersion"/>, unless stored work already covers it.</summary>
    private async Task MarkPendingAsync(long afterVersion)
    {
        while (true)
        {
            if (progress.State.PendingAfter is null)
            {
                progress.State.PendingAfter = afterVersion;
                _marking = StoreAsync();
                try
                {
                    await _marking;
                }
                catch
                {
                    // Not stored, so not pending: the import fails with nothing appended, and the next one marks again.
                    progress.State.PendingAfter = null;
                    throw;
                }

                return;
            }

            if (_marking.IsCompleted)
            {
                return;
            }

            // Another import is storing the mark; if that fails, this one stores its own.
            await Task.WhenAny(_marking);
        }
    }

    /// <summary>
    /// Stores the state as it is when its turn comes. That state is always safe to resume from, since the catch-up
    /// moves it only past what it has told, and clears it only when nothing is left or on its way.
    /// </summary>
    private Task StoreAsync() => InTurnAsync(async () =>
    {
        if (progress.State.PendingAfter is null)
        {
            await progress.WriteStateAsync();
            if (await grain.GetReminder(ReminderName) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }
        }
        else
        {
            await grain.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
            await progress.WriteStateAsync();
        }
    });

    /// <summary>Runs the writes of the state and the reminder one after another, each after the last has ended.</summary>
    private Task InTurnAsync(Func<Task> write)
    {
        _lastWrite = AfterAsync(_lastWrite, write);
        return _lastWrite;
    }

    private static async Task AfterAsync(Task previous, Func<Task> write)
    {
        // WhenAny waits without rethrowing: the previous write's failure went to its own caller.
        await Task.WhenAny(previous);
        await write();
    }

    private async Task RunAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var told = 0L;
        try
        {
            while (progress.State.PendingAfter is { } after)
            {
                await WhileImportingAsync();
                var (through, people) = await TellRoundAsync(after);
                told += people;
                if (through > after)
                {
                    progress.State.PendingAfter = through;
                    await StoreAsync();
                }
                else if (_appending > 0)
                {
                    // An import is storing where its append will follow; it starts the catch-up again once applied.
                    return;
                }
                else if (log.AppliedVersion > after)
                {
                    await log.WhenDurable();
                }
                else
                {
                    progress.State.PendingAfter = null;
                    await StoreAsync();
                    var elapsed = Stopwatch.GetElapsedTime(started);
                    logger.PersonIndexCaughtUp(log.CooperativeId, told, elapsed.TotalSeconds);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // What was told stays told; the reminder runs the rest again.
            logger.PersonIndexCatchUpFailed(exception, log.CooperativeId);
        }
    }

    private async Task WhileImportingAsync()
    {
        for (var since = Environment.TickCount64 - _lastAppendAt; since < Quiet.TotalMilliseconds; since = Environment.TickCount64 - _lastAppendAt)
        {
            await Task.Delay(Quiet - TimeSpan.FromMilliseconds(since));
        }
    }

    /// <summary>Tells the people of one round of the log after <paramref name="after"/>; returns the last version it read and how many it told.</summary>
    private async Task<(long Through, int Told)> TellRoundAsync(long after)
    {
        var joined = new Dictionary<string, string?>(StringComparer.Ordinal);
        var through = after;
        await foreach (var (version, @event) in log.ReadDurableLog(after))
        {
            if (@event is MemberJoined join)
            {
                joined[join.MemberId] = join.Name;
            }

            through = version;
            if (through - after >= VersionsPerRound)
            {
                break;
            }
        }

        // Someone removed since is left out: the removal told them already.
        var members = joined.Where(person => log.IsMember(person.Key)).ToList();
        foreach (var round in members.Chunk(PeopleAtOnce))
        {
            await Task.WhenAll(round.Select(person => log.StartMembership(person.Key, person.Value)));
        }

        return (through, members.Count);
    }
}
