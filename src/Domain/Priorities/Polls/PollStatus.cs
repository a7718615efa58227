namespace Governance.Domain.Priorities.Polls;

public enum PollStatus : byte
{
    Discussion = 1,
    Voting = 2,
    Closed = 3,
}
