using Orleans.Runtime;

namespace Governance.Grains.Tests.Reminders;

public interface IDeadlineProbeGrain : IGrainWithStringKey
{
    Task ScheduleDeadlineAsync();
}

/// <summary>A grain that registers a reminder, so a test silo exercises the reminder table end to end.</summary>
public sealed class DeadlineProbeGrain : Grain, IDeadlineProbeGrain, IRemindable
{
    public Task ScheduleDeadlineAsync() => this.RegisterOrUpdateReminder("deadline", TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
