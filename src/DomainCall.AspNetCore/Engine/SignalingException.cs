namespace DomainCall.Engine;

/// <summary>
/// A request the switchboard refused, with a stable code a client can branch on and a sentence a person can read.
/// The hub sends both to the client as <c>code: message</c>.
/// </summary>
internal sealed class SignalingException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public static SignalingException InvalidArgument(string message) => new(ErrorCodes.InvalidArgument, message);

    public static SignalingException NoSuchCall() =>
        new(ErrorCodes.NoSuchCall, "There is no call with this id that this connection is a party to.");
}
