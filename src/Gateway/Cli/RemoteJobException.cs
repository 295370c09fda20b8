namespace Gateway.Cli;

/// <summary>A running gateway refused or lost a job that <c>gateway index</c> started through its jobs API.</summary>
internal sealed class RemoteJobException(string message) : Exception(message);
