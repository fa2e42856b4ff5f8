-- Our deliver_sm_resp for the copy marked KEYS[1] left late: the SMSC may resend it within the whole dedupe window.
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'd', '1')
end
return 0
