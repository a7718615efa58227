namespace Governance.Verify.Records;

/// <summary>The input is not an audit record the verifier can read: not JSON, or a part missing or of the wrong type.</summary>
public sealed class UnreadableRecordException(string message) : Exception(message);
