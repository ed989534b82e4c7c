// A node that must survive a server restart.
CREATE (:RestartMarker {token: $token})
